import { createReadStream, statSync } from "node:fs";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";
import { headReportObject } from "@/lib/storage/get-object";
import { getDb } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { createReportRecords, getReport } from "@/lib/import/reports/report-queries";
import type { Checkpoint } from "@/lib/import/parse";
import { assetStep, compareStep, needsStagingSteps, finishStep, indexStep, mergeStep, planStep, prepareStep, RANGES_PER_APPLY_STEP, stageStep } from "@/lib/import/pipeline/run-import-step";

export type StepHook = (step: string, reportId: number) => Promise<void> | void;

/**
 * Runs the import of an object already in the bucket with the step functions the Inngest function runs, in its order
 * (inngest/functions/import-report.ts), in this process and without an executor: where an import's time goes, step
 * by step (the profiler), and a look at the catalog between two steps (tests). `afterStep` runs after each step.
 */
export async function runImportSteps(
  key: string,
  options: { excludeShorts?: boolean; afterStep?: StepHook; cpuSeconds?: () => Promise<number> } = {},
) {
  const head = await headReportObject(key);
  if (!head) throw new Error(`${key} is not in the bucket`);
  const db = await getDb();
  const [created] = await createReportRecords(db, [{
    key, filename: key.slice(key.lastIndexOf("/") + 1), size: head.size, etag: head.etag, versionId: head.versionId ?? null,
    excludeShorts: options.excludeShorts ?? false, triggeredBy: "user", createdBy: null,
  }]);
  const reportId = created.id;
  const steps: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpuBefore = await options.cpuSeconds?.();
    const result = await work();
    steps[name] = Math.round(performance.now() - started) / 1000;
    if (cpuBefore !== undefined) cpu[name] = Math.round(((await options.cpuSeconds!()) - cpuBefore) * 100) / 100;
    await options.afterStep?.(name, reportId);
    return result;
  };
  const started = performance.now();
  const prepared = await timed("validate", () => prepareStep(reportId));
  if (prepared.ok) {
    const { kind, excludeShorts, contentHash } = prepared;
    const comparison = await timed("compare", () => compareStep({ reportId, kind, excludeShorts, contentHash, stagedAhead: prepared.stagedAhead }));
    let checkpoint: Checkpoint | null = null;
    let readSoFar = 0;
    for (let index = 0; needsStagingSteps(prepared, comparison); index++) {
      const staged = await timed(`stage-${index}`, () =>
        stageStep({ reportId, index, checkpoint, totalRows: prepared.totalRows, readSoFar, onlyChanged: comparison.scope === "changed" }),
      );
      readSoFar += staged.rowsRead;
      if (!staged.next) break;
      checkpoint = staged.next;
    }
    const metrics = { reportId, kind, contentHash, defaultPeriod: prepared.defaultPeriod };
    const boundaries = await timed("plan", () => planStep(reportId));
    for (let index = 0; index * RANGES_PER_APPLY_STEP < boundaries.length; index++) {
      await timed(`apply-${index}`, () => mergeStep({ index, boundaries, excludeShorts, metrics }));
    }
    await timed("assets", () => assetStep(metrics));
    await timed("indexes", () => indexStep(reportId));
    await timed("finish", () => finishStep({ reportId, kind, totalRows: prepared.totalRows }));
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, report: await getReport(db, reportId), steps, cpu };
}

/** Puts a file into the bucket under `key` and imports it with runImportSteps. */
export async function runImportInProcess(
  file: string,
  key: string,
  options: { cpuSeconds?: () => Promise<number> } = {},
): Promise<{ seconds: number; report: Report; steps: Record<string, number>; cpu: Record<string, number> }> {
  await getS3Client().send(new PutObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key, Body: createReadStream(file), ContentLength: statSync(file).size }));
  return runImportSteps(key, options);
}
