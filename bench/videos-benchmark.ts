// The Videos-report part of `npm run bench:import` (issues #4 and #12): a 1,000,000-row Videos report imported end to
// end through the local stack on real PostgreSQL, three ways, each against a raw COPY of the same rows timed in the
// same run: the first import (empty catalog), the same file again, and the next day's file (bench/daily-file-case.ts:
// 5% of the videos changed, 1% new). `--runs N` (default 3) repeats everything from an empty catalog; the table shows
// the median ratio of each and every run's. BENCH_ROWS changes the size.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateVideosReport } from "./generate-videos-report";
import { timeRawCopy } from "./raw-copy";
import { startBenchStack, type BenchStack } from "./bench-stack";
import { takeOption } from "./claim-raw-part";
import { runDailyFileCase, type DailyCaseResult } from "./daily-file-case";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const workDir = path.resolve(".data/bench");
const file = path.join(workDir, `videos-report-${rows}.csv.gz`);
const heapMb = Number(process.env.BENCH_APP_HEAP_MB ?? 256);
const ports = { s3: 4669, inngest: 8388, app: 3388, pusher: 6101 };

type Timed = Awaited<ReturnType<BenchStack["importKey"]>>;
type Run = { copySeconds: number; first: Timed; again: Timed & { auditRows: number }; daily: DailyCaseResult & { steps: Timed["steps"] } };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function oneRun(stack: BenchStack, run: number): Promise<Run> {
  const { sql } = await import("drizzle-orm");
  const busy = await stack.idle();
  if (busy.length) console.warn(`videos: still running before run ${run}: ${busy.join(", ")}`);
  // Every run starts from an empty catalog: its first import is a content owner's first.
  await stack.db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels,
    report_rows_rejected RESTART IDENTITY CASCADE`);
  console.log(`videos run ${run}: timing a raw COPY of the same rows …`);
  const copySeconds = await timeRawCopy(process.env.DATABASE_URL!, file);
  const key = `reports/video_report_Bench_V_v1-3-${rows}-run${run}.csv.gz`;
  await stack.putFile(key, file);
  const audit = async () => Number((await stack.db.execute(sql`SELECT count(*)::int AS n FROM metadata_syncs`)).rows[0].n);

  console.log(`videos run ${run}: importing …`);
  const first = await stack.importKey(key);
  await stack.idle();
  const auditBefore = await audit();
  console.log(`videos run ${run}: re-importing the same file …`);
  const again = { ...(await stack.importKey(key)), auditRows: (await audit()) - auditBefore };
  await stack.idle();
  console.log(`videos run ${run}: importing the next day's file …`);
  let dailySteps: Timed["steps"] = [];
  const daily = await runDailyFileCase({
    db: stack.db,
    workDir,
    rows,
    importFile: async (dailyFile) => {
      const dailyKey = `reports/video_report_Bench_V_v1-3-${rows}-run${run}-daily.csv.gz`;
      await stack.putFile(dailyKey, dailyFile);
      const timed = await stack.importKey(dailyKey);
      dailySteps = timed.steps;
      return timed;
    },
  });
  return { copySeconds, first, again, daily: { ...daily, steps: dailySteps } };
}

/** Seconds per step group of an import (median over the runs), for the README's breakdown. */
function stepBreakdown(imports: Timed[]): string {
  const groups: [string, (step: string) => boolean][] = [
    ["validate", (s) => s === "validate-file"],
    ["compare", (s) => s === "compare-with-catalog"],
    ["staging", (s) => s.startsWith("stage-rows-")],
    ["apply", (s) => s.startsWith("apply-")],
    ["indexes", (s) => s === "build-indexes"],
    ["finish", (s) => s === "finish-report"],
  ];
  return groups
    .map(([label, match]) => {
      const seconds = median(imports.map((i) => i.steps.filter((s) => match(s.step)).reduce((t, s) => t + s.ms, 0) / 1000));
      return seconds > 0 ? `${label} ${seconds.toFixed(1)} s` : null;
    })
    .filter(Boolean)
    .concat(`between steps ${median(imports.map((i) => i.steps.reduce((t, s) => t + s.gapMs, 0) / 1000)).toFixed(1)} s`)
    .join(", ");
}

async function executorLimits(inngestPort: number) {
  const runs = (await (await fetch(`http://127.0.0.1:${inngestPort}/v0/runs?limit=100`)).json()) as { id: string; function: string; stepsDone: number }[];
  const imports = runs.filter((r) => r.function.includes("import-report"));
  const details = await Promise.all(imports.map(async (r) => (await fetch(`http://127.0.0.1:${inngestPort}/v0/runs/${r.id}`)).text()));
  return {
    steps: Math.max(...imports.map((r) => r.stepsDone)),
    stateKb: Math.max(...details.map((d) => d.length)) / 1024,
    stepKb: Math.max(...details.flatMap((d) => (JSON.parse(d).steps as unknown[]).map((s) => JSON.stringify(s).length))) / 1024,
  };
}

/** Runs the part; resolves with its exit code (1 when the daily file's audit trail is not exactly the changed fields). */
export async function runVideosPart(args: string[]): Promise<number> {
  const runs = Number(takeOption(args, "runs").value ?? 3);
  mkdirSync(workDir, { recursive: true });
  if (!existsSync(file)) {
    console.log(`generating ${rows.toLocaleString("en")} rows → ${file}`);
    await generateVideosReport(file, rows);
  }
  const stack = await startBenchStack({ server, workDir, heapMb, ports });
  const results: Run[] = [];
  let limits = { steps: 0, stateKb: 0, stepKb: 0 };
  let memory = { app: 0, executor: 0 };
  try {
    for (let run = 1; run <= runs; run++) results.push(await oneRun(stack, run));
    limits = await executorLimits(ports.inngest);
    memory = stack.memory();
  } finally {
    await stack.stop();
  }

  const ratios = (pick: (r: Run) => number) => results.map((r) => pick(r) / r.copySeconds);
  const cell = (values: number[], unit = "×") => `${median(values).toFixed(2)}${unit} (runs: ${values.map((v) => v.toFixed(2)).join(", ")})`;
  const first = ratios((r) => r.first.seconds);
  const again = ratios((r) => r.again.seconds);
  const daily = ratios((r) => r.daily.seconds);
  const summary = results[0].first.report.summary;
  const dailyAudit = results.map((r) => `${r.daily.auditRows.toLocaleString("en")}${r.daily.auditExact ? "" : " NOT exact"}`).join(", ");
  const table = [
    `### Import benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, PostgreSQL (local)`,
    "",
    `${rows.toLocaleString("en")} rows (${(statSync(file).size / 1e6).toFixed(1)} MB gz); ratios to a raw COPY timed in the same run; median of ${runs} run(s).`,
    "",
    `| measure | median (every run) | target |`,
    `| --- | --- | --- |`,
    `| raw COPY into a keyed table | ${cell(results.map((r) => r.copySeconds), " s")} | — |`,
    `| first import (request → completed) | ${cell(first)} COPY; ${median(results.map((r) => r.first.seconds)).toFixed(1)} s | ≤ 7× |`,
    `| re-import of the same file | ${cell(again)} COPY; audit rows: ${results.map((r) => r.again.auditRows).join(", ")} | ≤ 1.5×, 0 rows |`,
    `| daily file (5% changed, 1% new) | ${cell(daily)} COPY; audit rows: ${dailyAudit} (changed videos: ${results[0].daily.expectedAuditRows.toLocaleString("en")}) | ≤ 2.5×, exactly the changed fields |`,
    `| peak memory app / executor | ${memory.app} MB / ${memory.executor} MB | ≤ 400 MB each |`,
    `| steps per run / largest step record / run state | ${limits.steps} / ${limits.stepKb.toFixed(1)} KB / ${limits.stateKb.toFixed(1)} KB | ≤ 1,000 / 4 MB / 32 MB |`,
    `| summary of the first import | created ${summary?.created}, updated ${summary?.updated}, rejected ${summary?.rejected} | |`,
    "",
    `first import steps (median): ${stepBreakdown(results.map((r) => r.first))}`,
    `re-import steps (median): ${stepBreakdown(results.map((r) => r.again))}`,
    `daily file steps (median): ${stepBreakdown(results.map((r) => ({ ...r.first, steps: r.daily.steps })))}`,
    ...results.flatMap((r, i) => r.daily.problems.map((p) => `run ${i + 1}, daily file: ${p}`)),
  ].join("\n");
  console.log(`\n${table}\n`);
  writeFileSync(path.join(workDir, "latest-result.md"), table + "\n");
  return results.every((r) => r.daily.auditExact && r.again.auditRows === 0) ? 0 : 1;
}
