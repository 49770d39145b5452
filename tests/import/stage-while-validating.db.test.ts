import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimRawHeader, claimRawRow } from "@/bench/claim-raw-report";
import { openFingerprintSink } from "@/lib/import/fingerprint/fingerprint-writer";
import { prepareReport } from "@/lib/import/pipeline/prepare-report";
import { clearImportScratch } from "@/lib/import/pipeline/import-steps";
import { dropStagingIndex, ensureStagingIndex } from "@/lib/import/stage/staging-index";
import type { ReportSource } from "@/lib/import/pipeline/report-source";
import { createReportRecords } from "@/lib/import/reports/report-queries";
import { stagingWriterFor } from "@/lib/import/stage/staging-writer";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { rows } from "@/tests/helpers/imports";

// Issue #12, "reading the file once": into an empty catalog every row is new, so the validation read maps and stages
// the rows itself instead of leaving them to staging steps that would read the file a second time. It is one step:
// a retried attempt must not stage or reject anything twice, and a file found broken on the way leaves nothing.

let database: TestDatabase;
const db = () => database.db;
const ROWS = 3000;

/** A claim-raw file whose every 300th row has a bad number (rejected, with its line) and, optionally, a broken end. */
function claimRawFile(options: { brokenEnd?: boolean } = {}): Uint8Array {
  const lines = [claimRawHeader.join(",")];
  for (let i = 0; i < ROWS; i++) {
    const cells = claimRawRow(i, 200).cells;
    if (i % 300 === 11) cells[claimRawHeader.indexOf("Owned Views")] = "many";
    lines.push(cells.join(","));
  }
  // An unterminated quote on the last line: a file-level error found only at the end of the read.
  if (options.brokenEnd) lines.push(`"unterminated,${lines[1]}`);
  return Buffer.from(lines.join("\n") + "\n");
}

const source = (bytes: Uint8Array): ReportSource => ({
  openBytes: async () =>
    (async function* () {
      // Pieces of 16 KB, as a download arrives: records cross their boundaries.
      for (let i = 0; i < bytes.length; i += 16 * 1024) yield bytes.subarray(i, i + 16 * 1024);
    })(),
});

async function newReport(name: string) {
  const [report] = await createReportRecords(db(), [
    { key: `reports/${name}`, filename: name, size: 1, etag: `"${name}"`, versionId: null, triggeredBy: "user" },
  ]);
  return report;
}

const prepare = (reportId: number, bytes: Uint8Array) =>
  prepareReport(db(), reportId, source(bytes), () => openFingerprintSink(database, reportId), { staging: stagingWriterFor(database) });

const counts = async (reportId: number) => ({
  staged: (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${reportId}`))[0].n,
  distinctLines: (await rows<{ n: number }>(db(), sql`SELECT count(DISTINCT line)::int AS n FROM import_staging WHERE report_id = ${reportId}`))[0].n,
  rejected: (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM report_rows_rejected WHERE report_id = ${reportId}`))[0].n,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await db().execute(sql`TRUNCATE videos, reports, report_rows_rejected, import_staging, import_fingerprints, import_steps RESTART IDENTITY CASCADE`);
});

describe("staging during the validation read", () => {
  it("stages every good row and rejects every bad one once, also when the step runs again", async () => {
    const report = await newReport("YouTube_Once_M_20250601_claim_raw_v1-1.csv");
    const bytes = claimRawFile();
    const first = await prepare(report.id, bytes);
    expect(first).toMatchObject({ ok: true, totalRows: ROWS, staged: { rowsRead: ROWS, rejected: 10 } });
    const expected = { staged: ROWS - 10, distinctLines: ROWS - 10, rejected: 10 };
    expect(await counts(report.id)).toEqual(expected);
    const [line] = await rows<{ line: number; column: string }>(db(), sql`SELECT line, "column" FROM report_rows_rejected ORDER BY line LIMIT 1`);
    // Row 11 (0-based) of the data is line 13 of the file: header on line 1.
    expect(line).toMatchObject({ line: 13 });

    // The executor retries a step whose first attempt finished but was never recorded (the process died).
    const again = await prepare(report.id, bytes);
    expect(again).toMatchObject({ ok: true, staged: { rowsRead: ROWS, rejected: 10 } });
    expect(await counts(report.id)).toEqual(expected);
  });

  it("leaves neither staged nor rejected rows when the file turns out broken at its end", async () => {
    const report = await newReport("YouTube_Broken_M_20250601_claim_raw_v1-1.csv");
    const result = await prepare(report.id, claimRawFile({ brokenEnd: true }));
    expect(result).toMatchObject({ ok: false });
    expect(await counts(report.id)).toEqual({ staged: 0, distinctLines: 0, rejected: 0 });
  });

  it("leaves the rows to the staging steps when the catalog already holds videos", async () => {
    await db().execute(sql`INSERT INTO videos (video_id) VALUES ('heldVideo01')`);
    const report = await newReport("YouTube_Later_M_20250601_claim_raw_v1-1.csv");
    const result = await prepare(report.id, claimRawFile());
    expect(result).toMatchObject({ ok: true, totalRows: ROWS, staged: null });
    expect(await counts(report.id)).toEqual({ staged: 0, distinctLines: 0, rejected: 0 });
  });

  it("copies without the staging table's index and builds it again where it is needed or the rows are cleared", async () => {
    const indexed = async () =>
      (await rows<{ present: boolean }>(db(), sql`SELECT to_regclass('import_staging_report_video_idx') IS NOT NULL AS present`))[0].present;
    const definition = async () =>
      (await rows<{ d: string }>(db(), sql`SELECT pg_get_indexdef('import_staging_report_video_idx'::regclass) AS d`))[0].d;
    // Built again exactly as the migration built it.
    const migrated = await definition();
    const report = await newReport("YouTube_Index_M_20250601_claim_raw_v1-1.csv");
    await prepare(report.id, claimRawFile());
    expect(await indexed()).toBe(false);
    // Ranges read the staged rows without it, and the same rows with it (CLUSTER builds it first).
    const withoutIndex = await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${report.id} AND video_id >= 'M'`);
    await db().execute(sql`SET enable_seqscan = off`);
    await ensureStagingIndex(db());
    expect(await indexed()).toBe(true);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${report.id} AND video_id >= 'M'`)).toEqual(withoutIndex);
    await db().execute(sql`RESET enable_seqscan`);

    await dropStagingIndex(db());
    await clearImportScratch(db(), report.id);
    expect(await indexed()).toBe(true);
    expect(await definition()).toBe(migrated);
    expect(await counts(report.id)).toMatchObject({ staged: 0 });

    // A read that leaves staging to the steps finds the index in place (back after an interrupted bulk read).
    await dropStagingIndex(db());
    await db().execute(sql`INSERT INTO videos (video_id) VALUES ('heldVideo01')`);
    await prepare((await newReport("YouTube_Index2_M_20250601_claim_raw_v1-1.csv")).id, claimRawFile());
    expect(await indexed()).toBe(true);
  });
});
