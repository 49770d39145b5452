import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { searchVideos } from "@/lib/catalog/search-videos";
import { catalogQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { failStep } from "@/lib/import/pipeline/run-import-step";
import { runImportSteps } from "@/bench/import-in-process";
import { benchRow, videosReportHeader } from "@/bench/generate-videos-report";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { putReport, rows } from "@/tests/helpers/imports";
import { catalogIndexes, catalogSnapshot, FILES, truncateCatalog, useBulkLoadThreshold } from "./bulk-load/bulk-load-fixtures";

// The bulk-load path (lib/import/pipeline/bulk-load.ts): an import that adds at least as many videos as the catalog
// holds drops the catalog's secondary indexes before merging and builds them afterwards. It must leave exactly what
// merging with the indexes in place leaves, keep searches working meanwhile, and never end without the indexes.
// The steps run in this process (bench/import-in-process.ts), so the catalog can be looked at between two steps.

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
const db = () => database.db;
let allIndexes: { indexname: string; indexdef: string }[];

beforeAll(async () => {
  database = await createTestDatabase();
  s3 = await startTestS3();
  allIndexes = await catalogIndexes(db());
  for (const file of FILES) await putReport(file.key, file.body());
}, 60_000);
afterAll(async () => {
  await s3?.cleanup();
  await database?.drop();
});
beforeEach(async () => {
  await truncateCatalog(db());
  // Several staging chunks and several id ranges per apply step, as a large import has.
  process.env.IMPORT_CHUNK_ROWS = "250";
  process.env.IMPORT_MERGE_RANGE_VIDEOS = "300";
  resetEnvCache();
});

/** Imports FILES in order; returns, per report, how many catalog indexes were missing right after planning. */
async function importAll(): Promise<number[]> {
  const dropped: number[] = [];
  for (const file of FILES) {
    const { report } = await runImportSteps(file.key, {
      afterStep: async (step) => {
        if (step === "plan") dropped.push(allIndexes.length - (await catalogIndexes(db())).length);
      },
    });
    expect(report.status, report.error ?? "").toBe("completed");
    expect(await catalogIndexes(db())).toEqual(allIndexes);
  }
  return dropped;
}

describe("a bulk load", () => {
  it("leaves the same catalog, audit trail and change sets as merging with the indexes in place", async () => {
    useBulkLoadThreshold(1);
    const droppedInBulk = await importAll();
    const bulk = await catalogSnapshot(db());

    await truncateCatalog(db());
    useBulkLoadThreshold(1_000_000_000);
    const droppedRowByRow = await importAll();
    const rowByRow = await catalogSnapshot(db());

    // The first file (empty catalog) and the growth file (more new videos than the catalog holds) were bulk loads;
    // the daily file (a few new videos) merged with the indexes in place. The other run never dropped an index.
    expect(droppedInBulk[0]).toBeGreaterThan(10);
    expect(droppedInBulk[1]).toBe(0);
    expect(droppedInBulk[2]).toBeGreaterThan(10);
    expect(droppedRowByRow).toEqual([0, 0, 0]);

    expect(bulk.videos.length).toBe(599 + 7 + 700);
    expect(bulk.audit.length).toBeGreaterThan(80);
    expect(bulk).toEqual(rowByRow);
  }, 180_000);

  it("keeps searches working and right while an import adds to a non-empty catalog", async () => {
    useBulkLoadThreshold(1_000_000_000);
    await runImportSteps(FILES[0].key);
    useBulkLoadThreshold(1);
    const query = (params: Record<string, string>) => catalogQuerySchema.parse({ per_page: "100", ...params });
    // The same questions in plain SQL, answered without any help from the indexes.
    const expected = async (term: string) =>
      (await rows<{ video_id: string }>(db(), sql`
SELECT video_id FROM videos WHERE title ILIKE ${`%${term}%`} ORDER BY views DESC NULLS LAST, video_id DESC LIMIT 100`)).map((r) => r.video_id);
    const checkSearches = async () => {
      for (const term of ["number 12", "Remastered", "number 1005"]) {
        const page = await searchVideos(db(), query({ search: term, sort: "views:desc" }), { apiSandbox: true });
        expect(page.videos.map((v) => v.video_id)).toEqual(await expected(term));
      }
      const byLength = await searchVideos(db(), query({ sort: "video_length:asc", duration: "short" }), { apiSandbox: true });
      expect(byLength.videos.length).toBe(100);
    };
    let steps = 0;
    let sawIndexesDropped = false;
    // Searches between every two steps, and others running alongside the steps themselves.
    let importing = true;
    const alongside = (async () => {
      let searches = 0;
      while (importing) {
        await searchVideos(db(), query({ search: "number 3", sort: "title:asc" }), { apiSandbox: true });
        searches++;
        // A pause as between two people's requests: PGlite runs queries on this thread, and a loop of them alone
        // would never let the import's reads of the bucket (or any timer) run.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return searches;
    })();
    const { report } = await runImportSteps(FILES[2].key, {
      afterStep: async () => {
        steps++;
        sawIndexesDropped ||= (await catalogIndexes(db())).length < allIndexes.length;
        await checkSearches();
      },
    });
    importing = false;
    expect(await alongside).toBeGreaterThan(0);
    expect(report.status).toBe("completed");
    expect(sawIndexesDropped).toBe(true);
    expect(steps).toBeGreaterThan(6);
    expect(await catalogIndexes(db())).toEqual(allIndexes);
  }, 120_000);

  it("brings every dropped index back when the import fails, and when a later import finds them missing", async () => {
    useBulkLoadThreshold(1);
    // Stops right after planning (the indexes are gone) and fails the way the import function's onFailure does.
    const stopAfterPlan = async (step: string) => {
      if (step === "plan") throw new Error("stopped after planning");
    };
    await expect(runImportSteps(FILES[0].key, { afterStep: stopAfterPlan })).rejects.toThrow("stopped after planning");
    const [failing] = await rows<{ id: number }>(db(), sql`SELECT max(id) AS id FROM reports`);
    expect((await catalogIndexes(db())).length).toBeLessThan(allIndexes.length);
    await failStep(failing.id, "The import stopped: test.");
    expect(await catalogIndexes(db())).toEqual(allIndexes);
    expect(await rows(db(), sql`SELECT status FROM reports WHERE id = ${failing.id}`)).toEqual([{ status: "error" }]);

    // An import whose run was lost after planning: the next import restores its indexes before it plans its own.
    await expect(runImportSteps(FILES[0].key, { afterStep: stopAfterPlan })).rejects.toThrow("stopped after planning");
    expect((await catalogIndexes(db())).length).toBeLessThan(allIndexes.length);
    useBulkLoadThreshold(1_000_000_000);
    const small = [videosReportHeader.join(","), benchRow(5000).join(",")].join("\n") + "\n";
    await putReport("reports/video_report_Bulk_V_v1-3-small.csv", small);
    let indexesAtPlan = -1;
    const { report } = await runImportSteps("reports/video_report_Bulk_V_v1-3-small.csv", {
      afterStep: async (step) => {
        if (step === "plan") indexesAtPlan = (await catalogIndexes(db())).length;
      },
    });
    expect(report.status).toBe("completed");
    expect(indexesAtPlan).toBe(allIndexes.length);
    expect(await catalogIndexes(db())).toEqual(allIndexes);
  }, 120_000);
});
