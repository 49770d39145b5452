// `npm run bench:import`, issues #4 and #12: the Videos-report part (bench/videos-benchmark.ts: first import, re-import
// and the daily file of a 1,000,000-row Videos report against a raw COPY, `--runs N`, default 3, BENCH_ROWS to change
// the size) and the claim-raw scaling part (bench/claim-raw-benchmark.ts), each on the local stack and real PostgreSQL.
import { runClaimRawPart, takeOption } from "./claim-raw-part";
import { runVideosPart } from "./videos-benchmark";

// `--only videos` runs the Videos-report part, `--only claim-raw` the claim-raw scaling part (issue #12,
// bench/claim-raw-benchmark.ts, which takes `--runs N` and `--sizes a,b`); by default both, in that order.
async function allParts() {
  const { value: only, rest } = takeOption(process.argv.slice(2), "only");
  if (only && only !== "videos" && only !== "claim-raw") throw new Error(`--only takes videos or claim-raw, not ${only}`);
  if (only !== "claim-raw") process.exitCode = await runVideosPart(rest);
  if (only !== "videos" && !process.exitCode) process.exitCode = await runClaimRawPart(rest);
}

allParts().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
