import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { runImportSteps } from "@/bench/import-in-process";
import { benchRow, benchVideoId, videosReportHeader } from "@/bench/generate-videos-report";
import { dailyRow } from "@/bench/generate-daily-file";
import { checkDailyImport } from "@/bench/daily-file-case";
import { prepareStep } from "@/lib/import/pipeline/run-import-step";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { putReport, rows } from "@/tests/helpers/imports";

// Issue #12, daily files read once: into a catalog that holds videos, the validation read stages the rows whose text
// is not one the catalog's videos were merged from (lib/import/pipeline/likely-changed-rows.ts). The comparison keeps
// them when they cover every row that may change, and drops them for the staging steps when they do not
// (lib/import/fingerprint/rows-staged-ahead.ts); either way the catalog, audit trail and rejected rows are the same.

const ROWS = 1000;
// 1,000 rows: 10 new videos; one in twenty of the other 990 changed (rows i % 20 == 7): 50.
const CHANGED = 50;
const NEW = 10;
/** The day-2 file has one more line: a row without a video id, rejected (line 2 + ROWS). */
const REJECTED_LINE = ROWS + 2;

const csv = (make: (i: number) => string[], keyless = false) => {
  const lines = [videosReportHeader.join(","), ...Array.from({ length: ROWS }, (_, i) => make(i).join(","))];
  if (keyless) lines.push(benchRow(ROWS * 3).map((cell, i) => (videosReportHeader[i] === "video_id" ? "" : cell)).join(","));
  return lines.join("\n") + "\n";
};

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
const db = () => database.db;
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(db(), query))[0].n;
const staged = (reportId: number) => count(sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${reportId}`);
const rejectedLines = async (reportId: number) =>
  (await rows<{ line: number }>(db(), sql`SELECT line FROM report_rows_rejected WHERE report_id = ${reportId} ORDER BY line`)).map((r) => r.line);

beforeAll(async () => {
  database = await createTestDatabase();
  s3 = await startTestS3();
  process.env.IMPORT_CHUNK_ROWS = "400";
  process.env.IMPORT_MERGE_RANGE_VIDEOS = "600";
  resetEnvCache();
  await putReport("reports/video_report_Ahead_V_v1-3-day1.csv", csv((i) => benchRow(i)));
  await putReport("reports/video_report_Ahead_V_v1-3-day2.csv", csv((i) => dailyRow(i, ROWS), true));
}, 60_000);
afterAll(async () => {
  await s3?.cleanup();
  await database?.drop();
});
beforeEach(async () => {
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, channels, reports, report_rows_rejected RESTART IDENTITY CASCADE`);
  const first = await runImportSteps("reports/video_report_Ahead_V_v1-3-day1.csv");
  expect(first.report.summary).toMatchObject({ created: ROWS, updated: 0 });
}, 60_000);

it("stages a daily file's changed, new and rejected rows in its validation read, once also when that read runs again", async () => {
  const seen: Record<string, { staged: number; rejected: number[] }> = {};
  const day2 = await runImportSteps("reports/video_report_Ahead_V_v1-3-day2.csv", {
    afterStep: async (step, reportId) => {
      // The executor retries a validation whose first attempt finished but was never recorded.
      if (step === "validate") await prepareStep(reportId);
      seen[step] = { staged: await staged(reportId), rejected: await rejectedLines(reportId) };
    },
  });
  expect(day2.report.status).toBe("completed");
  expect(seen.validate).toEqual({ staged: CHANGED + NEW, rejected: [REJECTED_LINE] });
  expect(seen.compare).toEqual({ staged: CHANGED + NEW, rejected: [REJECTED_LINE] });
  expect(Object.keys(day2.steps).filter((step) => step.startsWith("stage-"))).toEqual([]);
  expect(day2.report.summary).toMatchObject({ created: NEW, updated: CHANGED, rejected: 1 });
  const check = await checkDailyImport(db(), day2.report, ROWS);
  expect(check.problems).toEqual([]);
  expect(check).toMatchObject({ auditRows: CHANGED, auditExact: true });
  expect(await rejectedLines(day2.report.id)).toEqual([REJECTED_LINE]);
}, 120_000);

it("leaves staging to the steps, with the same result, when a row that may change was not staged ahead", async () => {
  // A claim edited after the merge: its video's rows are the ones merged, so the read does not stage them, but the
  // comparison must read them again (the claim may have to be set back).
  const unchangedVideos = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 20 !== 7).map(benchVideoId);
  const edited = await rows(db(), sql`
UPDATE claims SET updated_at = now() + interval '1 second'
WHERE id = (SELECT min(id) FROM claims WHERE video_id IN (${sql.join(unchangedVideos.map((v) => sql`${v}`), sql`, `)})) RETURNING id`);
  expect(edited).toHaveLength(1);
  const seen: Record<string, { staged: number; rejected: number[] }> = {};
  const day2 = await runImportSteps("reports/video_report_Ahead_V_v1-3-day2.csv", {
    afterStep: async (step, reportId) => {
      seen[step] = { staged: await staged(reportId), rejected: await rejectedLines(reportId) };
    },
  });
  expect(day2.report.status).toBe("completed");
  expect(seen.validate).toEqual({ staged: CHANGED + NEW, rejected: [REJECTED_LINE] });
  // Dropped by the comparison, then staged by a step: the same rows plus the edited claim's video.
  expect(seen.compare).toEqual({ staged: 0, rejected: [] });
  expect(Object.keys(day2.steps).filter((step) => step.startsWith("stage-"))).toEqual(["stage-0"]);
  expect(seen.plan).toEqual({ staged: CHANGED + NEW + 1, rejected: [REJECTED_LINE] });
  expect(day2.report.summary).toMatchObject({ created: NEW, updated: CHANGED, rejected: 1 });
  const check = await checkDailyImport(db(), day2.report, ROWS);
  expect(check.problems).toEqual([]);
  expect(await rejectedLines(day2.report.id)).toEqual([REJECTED_LINE]);
}, 120_000);

it("stages nothing ahead for a file the catalog already holds, and lists its rejected row again", async () => {
  await runImportSteps("reports/video_report_Ahead_V_v1-3-day2.csv");
  const audited = () => count(sql`SELECT count(*)::int AS n FROM metadata_syncs`);
  const before = await audited();
  await putReport("reports/video_report_Ahead_V_v1-3-day2-again.csv", csv((i) => dailyRow(i, ROWS), true));
  const seen: Record<string, number> = {};
  const again = await runImportSteps("reports/video_report_Ahead_V_v1-3-day2-again.csv", {
    afterStep: async (step, reportId) => void (seen[step] = await staged(reportId)),
  });
  expect(seen.validate).toBe(0);
  expect(again.report.summary).toMatchObject({ created: 0, updated: 0, unchanged: ROWS, rejected: 1 });
  expect(await rejectedLines(again.report.id)).toEqual([REJECTED_LINE]);
  expect(await audited()).toBe(before);
}, 120_000);

it("does not guess for the stored object the last import read: the staging steps pick up the rows edited since", async () => {
  const edited = benchVideoId(3);
  await db().execute(sql`UPDATE videos SET title = 'Edited by hand', updated_at = now() WHERE video_id = ${edited}`);
  // The same content under another key: the same ETag and size as the completed first import.
  await putReport("reports/video_report_Ahead_V_v1-3-day1-again.csv", csv((i) => benchRow(i)));
  const seen: Record<string, number> = {};
  const again = await runImportSteps("reports/video_report_Ahead_V_v1-3-day1-again.csv", {
    afterStep: async (step, reportId) => void (seen[step] = await staged(reportId)),
  });
  expect(seen.validate).toBe(0);
  expect(Object.keys(again.steps).filter((step) => step.startsWith("stage-"))).toEqual(["stage-0"]);
  expect(seen.plan).toBe(1);
  expect(again.report.summary).toMatchObject({ created: 0, updated: 1, unchanged: ROWS - 1 });
  expect(await rows(db(), sql`SELECT title FROM videos WHERE video_id = ${edited}`)).toEqual([{ title: benchRow(3)[videosReportHeader.indexOf("video_title")] }]);
}, 120_000);

it("guesses again for an object imported before when another file was imported since", async () => {
  await runImportSteps("reports/video_report_Ahead_V_v1-3-day2.csv");
  // Day 1's content again (its ETag is the first import's): the catalog now holds day 2's rows.
  await putReport("reports/video_report_Ahead_V_v1-3-day1-later.csv", csv((i) => benchRow(i)));
  const seen: Record<string, number> = {};
  const back = await runImportSteps("reports/video_report_Ahead_V_v1-3-day1-later.csv", {
    afterStep: async (step, reportId) => void (seen[step] = await staged(reportId)),
  });
  expect(seen.validate).toBe(CHANGED);
  expect(Object.keys(back.steps).filter((step) => step.startsWith("stage-"))).toEqual([]);
  expect(back.report.summary).toMatchObject({ created: 0, updated: CHANGED });
}, 120_000);
