import { createReadStream, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
const server = "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `catalog_bench_h8_${randomBytes(3).toString("hex")}`;
const admin = async (q: string) => { const c = new pg.Client({ connectionString: server }); await c.connect(); await c.query(q); await c.end(); };
await admin(`CREATE DATABASE ${dbName}`);
const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
Object.assign(process.env, { DATABASE_URL: dbUrl, S3_ENDPOINT: "http://127.0.0.1:4799", S3_BUCKET: "prof", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" });
try {
  const { migrateDatabase } = await import("../migrate-database");
  await migrateDatabase(dbUrl);
  const { getDatabase } = await import("@/lib/db/client");
  const { PutObjectCommand } = await import("@aws-sdk/client-s3");
  const { getS3Client } = await import("@/lib/storage/s3-client");
  const { headReportObject } = await import("@/lib/storage/get-object");
  const { createReportRecords, updateReport } = await import("@/lib/import/reports/report-queries");
  const { prepareReport } = await import("@/lib/import/pipeline/prepare-report");
  const { s3ReportSource } = await import("@/lib/import/pipeline/s3-report-source");
  const { openFingerprintSink } = await import("@/lib/import/fingerprint/fingerprint-writer");
  const { clearImportScratch } = await import("@/lib/import/pipeline/import-steps");
  const handle = await getDatabase();
  for (const variant of process.argv.slice(2)) {
    const [n, mode] = variant.split(":");
    const file = n === "videos" ? ".data/bench/videos-report-1000000.csv.gz" : `.data/bench/claim-raw-${n}-50000v.csv.gz`;
    const key = n === "videos" ? "reports/video_report_P_V_v1-3.csv.gz" : `reports/YouTube_P${n}_M_20250601_claim_raw_v1-1.csv.gz`;
    await getS3Client().send(new PutObjectCommand({ Bucket: "prof", Key: key, Body: createReadStream(file), ContentLength: statSync(file).size }));
    const head = (await headReportObject(key))!;
    const [report] = await createReportRecords(handle.db, [{ key, filename: key.slice(8), size: head.size, etag: head.etag, versionId: null, triggeredBy: "user" }]);
    const s3 = s3ReportSource(report);
    const source = mode === "copy" ? s3 : { openBytes: s3.openBytes };
    const t = performance.now();
    const r = await prepareReport(handle.db, report.id, source, () => openFingerprintSink(handle, report.id));
    console.log(variant, r.ok, "validate s", ((performance.now() - t) / 1000).toFixed(1), "load", (await import("node:os")).loadavg()[0].toFixed(1));
    await updateReport(handle.db, report.id, { status: "completed" });
    await clearImportScratch(handle.db, report.id);
  }
  await handle.close();
} finally {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
