import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { sampleReports } from "@/lib/import/parse/sample-reports";
import { getS3Client } from "@/lib/storage/s3-client";

// Puts a few sample CMS reports in the local bucket so a person has something to import on a fresh start.
// Files already there are left alone, so a restart does not bump their dates.
async function main(): Promise<void> {
  const { S3_BUCKET, REPORTS_PREFIX } = getEnv();
  const s3 = getS3Client();
  let added = 0;
  for (const report of sampleReports()) {
    const key = `${REPORTS_PREFIX}${report.name}`;
    const exists = await s3.send(new HeadObjectCommand({ Bucket: S3_BUCKET, Key: key })).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await s3.send(new PutObjectCommand({ Bucket: S3_BUCKET, Key: key, Body: report.bytes }));
    added++;
  }
  console.log(added ? `placed ${added} sample reports under ${REPORTS_PREFIX}` : "sample reports already in the bucket");
}

main().catch((error) => {
  console.error(`could not place sample reports: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
