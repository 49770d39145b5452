import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { requestImports } from "@/lib/import/reports/request-import";
import { benchRow, videosReportHeader } from "@/bench/generate-videos-report";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { putReport, rows, waitForReport } from "@/tests/helpers/imports";
import { catalogIndexes, catalogSnapshot, truncateCatalog, useBulkLoadThreshold } from "./bulk-load/bulk-load-fixtures";

// Resume after the executor is killed while a bulk load is merging (the catalog's secondary indexes dropped, some
// ranges merged, others not): the resumed run ends with the same catalog as an uninterrupted one, and with every index.

let stack: LocalStack;
const db = () => stack.database.db;
const KEY = "reports/video_report_BulkResume_V_v1-3.csv";
const body = [videosReportHeader.join(","), ...Array.from({ length: 3000 }, (_, i) => benchRow(i).join(","))].join("\n") + "\n";

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function startImport(): Promise<number> {
  const [report] = await requestImports(db(), { keys: [KEY], triggeredBy: "user" });
  return report.id;
}

beforeAll(async () => {
  stack = await startLocalStack();
  await putReport(KEY, body);
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(async () => {
  await until(async () => stack.executor.executor.activeRuns().length === 0, "the previous import's run to end");
  await truncateCatalog(db());
  // Ten ranges of 300 videos, two per apply step: the kill lands between two of them.
  process.env.IMPORT_CHUNK_ROWS = "1000";
  process.env.IMPORT_MERGE_RANGE_VIDEOS = "300";
  resetEnvCache();
  useBulkLoadThreshold(1);
});

it("resumes a bulk load after the executor is killed mid-merge and ends identical, with every index", async () => {
  const allIndexes = await catalogIndexes(db());
  const first = await waitForReport(db(), await startImport());
  expect(first.status, first.error ?? "").toBe("completed");
  const uninterrupted = await catalogSnapshot(db());
  expect(uninterrupted.videos).toHaveLength(3000);
  expect(await catalogIndexes(db())).toEqual(allIndexes);

  await truncateCatalog(db());
  const id = await startImport();
  const mergedRanges = async () =>
    Number((await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM import_steps WHERE report_id = ${id} AND step_key LIKE 'merge-%'`))[0].n);
  await until(async () => (await mergedRanges()) >= 2, "the first ranges of the bulk load to be merged");
  expect((await catalogIndexes(db())).length).toBeLessThan(allIndexes.length);
  expect(await mergedRanges()).toBeLessThan(10);
  await stack.restartExecutor();

  const resumed = await waitForReport(db(), id, 120_000);
  expect(resumed.status, resumed.error ?? "").toBe("completed");
  expect(resumed.summary).toMatchObject({ created: 3000, rejected: 0 });
  expect(await catalogIndexes(db())).toEqual(allIndexes);
  expect(await catalogSnapshot(db())).toEqual(uninterrupted);
}, 180_000);
