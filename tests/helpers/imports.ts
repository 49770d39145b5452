import { readFileSync } from "node:fs";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";
import { getReport } from "@/lib/import/reports/report-queries";
import { requestImports } from "@/lib/import/reports/request-import";

export const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/reports", name));

export async function putReport(key: string, body: Uint8Array | string): Promise<void> {
  await getS3Client().send(new PutObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key, Body: body }));
}

const TERMINAL = ["completed", "error", "cancelled"];

/** Waits until the report's background import has ended (or fails the test after `timeoutMs`). */
export async function waitForReport(db: Database, id: number, timeoutMs = 60_000): Promise<Report> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await getReport(db, id);
    if (TERMINAL.includes(report.status)) return report;
    if (Date.now() > deadline) throw new Error(`report ${id} still ${report.status} after ${timeoutMs} ms: ${JSON.stringify(report.progress)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function rows<T = Record<string, unknown>>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** Puts a report into the bucket, requests its import as a user would and waits for the import to end. */
export async function importReportFile(db: Database, key: string, body: Uint8Array | string, options: { excludeShorts?: boolean } = {}): Promise<Report> {
  await putReport(key, body);
  const [report] = await requestImports(db, { keys: [key], triggeredBy: "user", excludeShorts: options.excludeShorts });
  return waitForReport(db, report.id);
}
