import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { runImportSteps } from "@/bench/import-in-process";
import { benchRow, benchVideoId, videosReportHeader } from "@/bench/generate-videos-report";
import { dailyRow } from "@/bench/generate-daily-file";
import { checkDailyImport } from "@/bench/daily-file-case";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { putReport, rows } from "@/tests/helpers/imports";

// The benchmark's daily-file case at a small size (bench/daily-file-case.ts): after the first file, the next day's
// (1% new videos, one in twenty of the others changed in title, views, policy or claim) writes one audit record per
// changed video holding exactly the field that changed, stages only the changed and new videos, and importing it
// again writes nothing.

const ROWS = 2000;
const csv = (make: (i: number) => string[]) =>
  [videosReportHeader.join(","), ...Array.from({ length: ROWS }, (_, i) => make(i).join(","))].join("\n") + "\n";

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  s3 = await startTestS3();
  process.env.IMPORT_CHUNK_ROWS = "700";
  process.env.IMPORT_MERGE_RANGE_VIDEOS = "600";
  resetEnvCache();
  await putReport("reports/video_report_Daily_V_v1-3-day1.csv", csv((i) => benchRow(i)));
  await putReport("reports/video_report_Daily_V_v1-3-day2.csv", csv((i) => dailyRow(i, ROWS)));
}, 60_000);
afterAll(async () => {
  await s3?.cleanup();
  await database?.drop();
});

it("audits exactly the fields the next day's file changed, and nothing when it comes again", async () => {
  const day1 = await runImportSteps("reports/video_report_Daily_V_v1-3-day1.csv");
  expect(day1.report.summary).toMatchObject({ created: ROWS, updated: 0, rejected: 0 });

  let stagedRows = -1;
  const day2 = await runImportSteps("reports/video_report_Daily_V_v1-3-day2.csv", {
    afterStep: async (step, reportId) => {
      if (step === "plan") stagedRows = (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${reportId}`))[0].n;
    },
  });
  expect(day2.report.status).toBe("completed");
  // 99 changed and 20 new videos of 2,000: only their rows were staged, by the validation read itself (the file is
  // read once: no staging step), not one step per 700-row chunk of the file.
  expect(stagedRows).toBe(99 + 20);
  expect(Object.keys(day2.steps).filter((step) => step.startsWith("stage-"))).toEqual([]);
  const check = await checkDailyImport(db(), day2.report, ROWS);
  expect(check.problems).toEqual([]);
  expect(check).toMatchObject({ auditRows: 99, expectedAuditRows: 99, auditExact: true });
  const newVideo = await rows(db(), sql`SELECT created_by_report_id FROM videos WHERE video_id = ${benchVideoId(ROWS)}`);
  expect(newVideo).toEqual([{ created_by_report_id: day2.report.id }]);

  const audited = async () => (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM metadata_syncs`))[0].n;
  const before = await audited();
  await putReport("reports/video_report_Daily_V_v1-3-day2-again.csv", csv((i) => dailyRow(i, ROWS)));
  const again = await runImportSteps("reports/video_report_Daily_V_v1-3-day2-again.csv");
  expect(again.report.summary).toMatchObject({ created: 0, updated: 0, unchanged: ROWS });
  expect(await audited()).toBe(before);
}, 120_000);

it("stages the changed rows in steps of at most a chunk each, reading on past the unchanged ones, with the same result", async () => {
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, channels, reports, report_rows_rejected RESTART IDENTITY CASCADE`);
  process.env.IMPORT_CHUNK_ROWS = "50";
  // The staging steps' own way (what a daily file takes when the validation read's guess does not cover it).
  process.env.IMPORT_STAGING_STEPS_ONLY = "1";
  resetEnvCache();
  try {
    await runImportSteps("reports/video_report_Daily_V_v1-3-day1.csv");
    const staged: number[] = [];
    const day2 = await runImportSteps("reports/video_report_Daily_V_v1-3-day2.csv", {
      afterStep: async (step, reportId) => {
        if (step.startsWith("stage-")) staged.push((await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${reportId}`))[0].n);
      },
    });
    // 119 changed or new rows of 2,000: three steps of 50, 50 and 19, where chunks of the file would have been 40 steps.
    expect(staged).toEqual([50, 100, 119]);
    expect(day2.report.summary).toMatchObject({ total_rows: ROWS, created: 20, updated: 99 });
    const check = await checkDailyImport(db(), day2.report, ROWS);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ auditRows: 99, expectedAuditRows: 99, auditExact: true });
  } finally {
    process.env.IMPORT_CHUNK_ROWS = "700";
    delete process.env.IMPORT_STAGING_STEPS_ONLY;
    resetEnvCache();
  }
}, 120_000);
