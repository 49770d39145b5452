import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { fixture, importReportFile, rows } from "@/tests/helpers/imports";

// Re-imports skip the rows the catalog already holds as they left it (lib/import/fingerprint), through the
// whole local stack. Which steps ran is read from the Inngest stand-in's run history.
let stack: LocalStack;
const db = () => stack.database.db;
const videosReport = () => fixture("videos_report.csv").toString("utf8");

const importKey = (key: string, body: Uint8Array | string, options: { excludeShorts?: boolean } = {}) =>
  importReportFile(db(), key, body, options);

/** Step names of the newest import run. */
async function lastRunSteps(): Promise<string[]> {
  const runs = (await (await fetch(`${stack.executor.url}/v0/runs`)).json()) as Array<{ id: string; function: string }>;
  const run = runs.find((r) => r.function.endsWith("import-report"))!;
  const detail = (await (await fetch(`${stack.executor.url}/v0/runs/${run.id}`)).json()) as { steps: Array<{ name: string }> };
  return detail.steps.map((s) => s.name);
}

beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(async () => {
  // A report is completed inside its last step, before its run ends (it then asks for enrichment); a run still going
  // when the tables are emptied could act on the next test's report, which gets the same id.
  for (const deadline = Date.now() + 30_000; stack.executor.executor.activeRuns().length > 0 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 10));
  }
  process.env.IMPORT_CHUNK_ROWS = "50000";
  resetEnvCache();
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected RESTART IDENTITY CASCADE`);
});

describe("re-importing rows the catalog already holds", () => {
  it("stages nothing when no row changed, and still counts every video as unchanged", async () => {
    await importKey("reports/video_report_Fp_V_v1-1.csv", videosReport());
    const again = await importKey("reports/video_report_Fp_V_v1-2.csv", videosReport());
    expect(again.summary).toMatchObject({ total_rows: 3, created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const steps = await lastRunSteps();
    expect(steps).toContain("compare-with-catalog");
    expect(steps.some((s) => s.startsWith("stage-rows-"))).toBe(false);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_fingerprints`)).toEqual([{ n: 0 }]);
  });

  it("stages and applies only the video whose rows changed", async () => {
    await importKey("reports/video_report_Fp_V_v1-1.csv", videosReport());
    const changed = videosReport().replaceAll("Backstage #shorts", "Backstage (director's cut)");
    const report = await importKey("reports/video_report_Fp_V_v1-2.csv", changed);
    expect(report.summary).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    // The changed row was staged by the validation read itself (rows-staged-ahead.db.test.ts): no staging step.
    expect((await lastRunSteps()).some((s) => s.startsWith("stage-rows-"))).toBe(false);
    const audit = await rows(db(), sql`SELECT video_id, changes FROM metadata_syncs WHERE source_id = ${String(report.id)}`);
    expect(audit).toEqual([{ video_id: "Qq-Ww_Ee1Rr", changes: { title: ["Backstage #shorts", "Backstage (director's cut)"] } }]);
    // The same changed file again: now everything is already there.
    const third = await importKey("reports/video_report_Fp_V_v1-3.csv", changed);
    expect(third.summary).toMatchObject({ updated: 0, unchanged: 2 });
    expect((await lastRunSteps()).some((s) => s.startsWith("stage-rows-"))).toBe(false);
  });

  it("applies the file again to a video changed since by someone else", async () => {
    await importKey("reports/video_report_Fp_V_v1-1.csv", videosReport());
    await db().execute(sql`UPDATE videos SET title = 'Edited by hand', updated_at = now() WHERE video_id = '-abcDEF1234'`);
    const again = await importKey("reports/video_report_Fp_V_v1-2.csv", videosReport());
    expect(again.summary).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await rows(db(), sql`SELECT title FROM videos WHERE video_id = '-abcDEF1234'`)).toEqual([{ title: "Live in Lisbon, Part 1" }]);
  });

  it("applies the file again to a video whose claim changed since", async () => {
    await importKey("reports/video_report_Fp_V_v1-1.csv", videosReport());
    await db().execute(sql`UPDATE claims SET claim_id = 'clm-moved', updated_at = now() + interval '1 second' WHERE asset_id = 'A100000000000001'`);
    await importKey("reports/video_report_Fp_V_v1-2.csv", videosReport());
    expect(await rows(db(), sql`SELECT claim_id FROM claims WHERE asset_id = 'A100000000000001'`)).toEqual([{ claim_id: "clm-001" }]);
  });

  it("lists the rejected rows again when the same file is imported again", async () => {
    const first = await importKey("reports/bad-rows-1.csv", fixture("bad-rows.csv").toString("utf8"));
    const again = await importKey("reports/bad-rows-2.csv", fixture("bad-rows.csv").toString("utf8"));
    expect(first.summary!.rejected).toBeGreaterThan(0);
    expect(again.summary).toMatchObject({ rejected: first.summary!.rejected, created: 0, updated: 0 });
    const lines = async (id: number) => rows(db(), sql`SELECT line, reason FROM report_rows_rejected WHERE report_id = ${id} ORDER BY line`);
    expect(await lines(again.id)).toEqual(await lines(first.id));
  });
});
