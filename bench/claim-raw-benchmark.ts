// Issue #12, "linear in the file's size": claim-raw-shaped .csv.gz files (50,000 videos, revenue to 12 decimals)
// of 1M and 5M rows imported end to end on real PostgreSQL; 5M rows must take at most 5.5× the time of 1M, and
// the imported revenue must equal the file's to the last decimal. Part of `npm run bench:import` (which runs it
// in a process of its own); alone: `npx tsx bench/claim-raw-benchmark.ts [--sizes 1000000,5000000] [--runs 1]`.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decimalToUnits, generateClaimRawReport, unitsToDecimal } from "./claim-raw-report";
import { startBenchStack, type BenchStack } from "./bench-stack";
import { takeOption } from "./claim-raw-part";

const VIDEOS = 50_000;
const workDir = path.resolve(".data/bench");

const option = (name: string) => takeOption(process.argv.slice(2), name).value;

const sizes = (option("sizes") ?? "1000000,5000000").split(",").map(Number);
// Three by default, as the Videos part: the issue asks for the median of three runs of each ratio.
const runs = Number(option("runs") ?? 3);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const heapMb = Number(process.env.BENCH_APP_HEAP_MB ?? 256);
const ports = { s3: 4679, inngest: 8398, app: 3398, pusher: 6111 };

/** The cached file for a size, generated once, with the exact Partner Revenue total kept beside it. */
async function claimRawFile(rows: number): Promise<{ file: string; revenue: string }> {
  const file = path.join(workDir, `claim-raw-${rows}-${VIDEOS}v.csv.gz`);
  const totalFile = `${file}.total`;
  if (!existsSync(file) || !existsSync(totalFile)) {
    console.log(`generating ${rows.toLocaleString("en")} claim-raw rows → ${file}`);
    writeFileSync(totalFile, await generateClaimRawReport(file, rows, VIDEOS));
  }
  return { file, revenue: readFileSync(totalFile, "utf8").trim() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(1);

type Measured = {
  rows: number;
  seconds: number;
  validateMs: number;
  stagingMs: number[];
  applyMs: number;
  /** Request → completed minus the logged steps: the unlogged plan step and the executor between steps. */
  otherMs: number;
  /** The longest waits between logged steps, with the step they preceded. */
  gaps: string;
  revenueOk: boolean;
  revenue: string;
};

async function importOnce(stack: BenchStack, rows: number, run: number): Promise<Measured> {
  const { sql } = await import("drizzle-orm");
  const { file, revenue } = await claimRawFile(rows);
  // Nothing else runs meanwhile: the previous import's enrichment hand-off started a run of its own.
  const busy = await stack.idle();
  if (busy.length) console.warn(`claim-raw: still running before the next import: ${busy.join(", ")}`);
  // Every import starts from an empty catalog, as the first import of a content owner's month would.
  await stack.db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, report_rows_rejected RESTART IDENTITY CASCADE`);
  const key = `reports/YouTube_Bench${rows}r${run}_M_20250601_claim_raw_v1-1.csv.gz`;
  await stack.putFile(key, file);
  console.log(`claim-raw: importing ${rows.toLocaleString("en")} rows (run ${run}) …`);
  const { seconds: took, steps } = await stack.importKey(key);
  const [stored] = (await stack.db.execute(sql`SELECT coalesce(sum(partner_revenue), 0)::text AS revenue FROM video_metrics`)).rows as { revenue: string }[];
  const ms = (prefix: string) => steps.filter((s) => s.step.startsWith(prefix)).map((s) => s.ms);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return {
    rows,
    seconds: took,
    validateMs: sum(ms("validate-file")),
    stagingMs: ms("stage-rows-"),
    applyMs: sum(ms("apply-")),
    otherMs: took * 1000 - sum(steps.filter((s) => s.step !== "finish-report").map((s) => s.ms)),
    gaps: [...steps].sort((a, b) => b.gapMs - a.gapMs).slice(0, 3).map((s) => `${seconds(s.gapMs)} s before ${s.step}`).join(", "),
    revenue: unitsToDecimal(decimalToUnits(stored.revenue)),
    revenueOk: decimalToUnits(stored.revenue) === decimalToUnits(revenue),
  };
}

async function main() {
  mkdirSync(workDir, { recursive: true });
  for (const rows of sizes) await claimRawFile(rows);
  const stack = await startBenchStack({ server, workDir, heapMb, ports });
  const results: Measured[][] = [];
  let memory = { app: 0, executor: 0 };
  try {
    for (let run = 1; run <= runs; run++) {
      const measured: Measured[] = [];
      for (const rows of sizes) measured.push(await importOnce(stack, rows, run));
      results.push(measured);
    }
    memory = stack.memory();
  } finally {
    await stack.stop();
  }
  const [small, large] = [sizes[0], sizes.at(-1)!];
  const ratios = results.map((m) => m.at(-1)!.seconds / m[0].seconds);
  const label = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const lines = [
    `### Claim-raw scaling — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, PostgreSQL (local)`,
    "",
    `${VIDEOS.toLocaleString("en")} videos, revenue to 12 decimals, .csv.gz; each import into an empty catalog; ${runs} run(s).`,
    "",
    "| run | rows (gz MB) | import | validate | staging steps (first → last) | apply | other | revenue = file's |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.flatMap((measured, i) =>
      measured.map((m) => {
        const mb = (statSync(path.join(workDir, `claim-raw-${m.rows}-${VIDEOS}v.csv.gz`)).size / 1e6).toFixed(0);
        const staging = `${seconds(m.stagingMs.reduce((a, b) => a + b, 0))} s in ${m.stagingMs.length} (${seconds(m.stagingMs[0] ?? 0)} → ${seconds(m.stagingMs.at(-1) ?? 0)} s)`;
        return `| ${i + 1} | ${m.rows.toLocaleString("en")} (${mb}) | ${m.seconds.toFixed(1)} s | ${seconds(m.validateMs)} s | ${staging} | ${seconds(m.applyMs)} s | ${seconds(m.otherMs)} s | ${m.revenueOk ? `yes (${m.revenue})` : `NO: ${m.revenue}`} |`;
      }),
    ),
    "",
    ...results.flat().map((m) => `${m.rows.toLocaleString("en")} rows: longest waits between logged steps: ${m.gaps}`),
    "",
    `peak memory app / executor: ${memory.app} MB / ${memory.executor} MB (target ≤ 400 MB each)`,
    `ratios per run: ${ratios.map((r) => r.toFixed(2)).join(", ")}`,
    "",
    `claim-raw scaling: ${label(large)}/${label(small)} = ${median(ratios).toFixed(2)}`,
  ];
  const text = lines.join("\n");
  console.log(`\n${text}\n`);
  writeFileSync(path.join(workDir, "claim-raw-result.md"), text + "\n");
  if (results.flat().some((m) => !m.revenueOk)) {
    console.error("claim-raw: the imported revenue does not equal the file's");
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error("claim-raw benchmark failed:", error);
    process.exit(1);
  },
);
