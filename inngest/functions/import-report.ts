import { inngest } from "@/inngest/client";
import { enrichmentRequested, importCancelled, importRequested } from "@/inngest/events";
import type { Checkpoint } from "@/lib/import/parse";
import { assetStep, compareStep, needsStagingSteps, failStep, finishStep, indexStep, mergeStep, planStep, prepareStep, RANGES_PER_APPLY_STEP, stageStep } from "@/lib/import/pipeline/run-import-step";

// A million-row report must fit Inngest's limits (1,000 steps, 4 MB per step result, 32 MB of state): rows are
// read in chunks resumed from a byte checkpoint and staged in the database; each step returns only a checkpoint
// and counts. Then the staged videos are applied to the catalog in id ranges, one transaction per step. Rows of
// videos the catalog already holds exactly as these rows left them are not staged at all (compare-with-catalog).
export const importReport = inngest.createFunction(
  {
    id: "import-report",
    name: "Import a CMS report",
    triggers: [importRequested],
    // One import at a time: reports are applied in the order they were requested, and the ranges of the one
    // being applied may then run side by side (see lib/import/merge/catalog-merge-lock.ts).
    concurrency: { limit: 1 },
    retries: 4,
    cancelOn: [{ event: importCancelled, if: "async.data.reportId == event.data.reportId" }],
    onFailure: async ({ event, error }) => {
      await failStep(event.data.event.data.reportId, `The import stopped: ${error.message}. Fix the cause and import the file again.`);
    },
  },
  async ({ event, step }) => {
    const reportId = event.data.reportId;
    const prepared = await step.run("validate-file", () => prepareStep(reportId));
    if (!prepared.ok) return prepared;

    const { kind, excludeShorts, contentHash } = prepared;
    const comparison = await step.run("compare-with-catalog", () => compareStep({ reportId, kind, excludeShorts, contentHash, stagedAhead: prepared.stagedAhead }));

    let checkpoint: Checkpoint | null = null;
    let readSoFar = 0;
    const onlyChanged = comparison.scope === "changed";
    // No staging steps when the validation read staged the rows itself: every row of a first import, or every row a
    // daily file may change (one read of the file).
    for (let index = 0; needsStagingSteps(prepared, comparison); index++) {
      const staged = await step.run(`stage-rows-${index}`, () =>
        stageStep({ reportId, index, checkpoint, totalRows: prepared.totalRows, readSoFar, onlyChanged }),
      );
      readSoFar += staged.rowsRead;
      if (!staged.next) break;
      checkpoint = staged.next;
    }

    const metrics = { reportId, kind: prepared.kind, contentHash: prepared.contentHash, defaultPeriod: prepared.defaultPeriod };
    const boundaries = await step.run("plan-catalog-update", () => planStep(reportId));
    for (let index = 0; index * RANGES_PER_APPLY_STEP < boundaries.length; index++) {
      await step.run(`apply-videos-${index}`, () => mergeStep({ index, boundaries, excludeShorts: prepared.excludeShorts, metrics }));
    }
    await step.run("apply-assets", () => assetStep(metrics));
    await step.run("build-indexes", () => indexStep(reportId));
    const summary = await step.run("finish-report", () => finishStep({ reportId, kind: prepared.kind, totalRows: prepared.totalRows }));
    // The assets this import marked are enriched without anyone asking (the drain's cron would find them too, later).
    await step.sendEvent("request-enrichment", enrichmentRequested.create({ reason: `report:${reportId}` }));
    return summary;
  },
);
