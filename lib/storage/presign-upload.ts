import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getEnv } from "@/lib/env";
import { getS3Client } from "./s3-client";
import { reportKeyForFilename } from "./report-keys";

const EXPIRES_IN_SECONDS = 15 * 60;

/** A presigned PUT the browser uploads to directly, so large reports never pass through the app server. */
export async function presignReportUpload(filename: string): Promise<{ key: string; url: string; expires_in: number }> {
  const key = reportKeyForFilename(filename);
  const url = await getSignedUrl(getS3Client(), new PutObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key }), {
    expiresIn: EXPIRES_IN_SECONDS,
  });
  return { key, url, expires_in: EXPIRES_IN_SECONDS };
}
