// Times each part of one merge range on real PostgreSQL (diagnostics for the import benchmark).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { createDatabase } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { readReportChunk } from "@/lib/import/parse";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { stagingWriterFor } from "@/lib/import/stage/staging-writer";
import { mergeVideoRange } from "@/lib/import/merge/merge-videos";
import { mergeClaimRange } from "@/lib/import/merge/merge-claims";
import { mergeVideoMetricsRange } from "@/lib/import/merge/merge-metrics";
import { enqueueAssetEnrichment } from "@/lib/import/pipeline/enqueue-enrichment";
import { benchRow, videosReportHeader } from "./generate-videos-report";

const rows = Number(process.env.PROFILE_ROWS ?? 100_000);
const server = "postgres://postgres@127.0.0.1:5432/postgres";
const name = `catalog_prof_${randomBytes(3).toString("hex")}`;
const admin = async (q: string) => { const c = new pg.Client(server); await c.connect(); await c.query(q); await c.end(); };
const time = async <T>(label: string, f: () => Promise<T>) => { const t = performance.now(); const r = await f(); console.log(label.padEnd(28), Math.round(performance.now() - t), "ms"); return r; };

await admin(`CREATE DATABASE ${name}`);
const handle = await createDatabase({ url: `postgres://postgres@127.0.0.1:5432/${name}` });
try {
  await runMigrations(handle);
  const text = [videosReportHeader.join(","), ...Array.from({ length: rows }, (_, i) => benchRow(i).join(","))].join("\n") + "\n";
  const open = async () => (async function* () { yield Buffer.from(text); })();
  const chunk = await time("parse", () => readReportChunk(open, { checkpoint: null, maxRows: rows }));
  await time("stage (COPY)", async () => {
    const sink = await stagingWriterFor(handle).open(1);
    await sink.add(stagingInputs(chunk.records));
    await sink.finish();
  });
  if (process.env.ANALYZE !== "0") await time("analyze staging", () => handle.db.execute(sql`ANALYZE import_staging`));
  const range = { from: "", to: null };
  for (const index of (process.env.PROFILE_DROP_INDEXES ?? "").split(",").filter(Boolean)) {
    await handle.db.execute(sql.raw(`DROP INDEX ${index}`));
  }
  if (process.env.EXPLAIN) {
    let captured: ReturnType<typeof sql> | undefined;
    await mergeVideoRange({ execute: async (q: ReturnType<typeof sql>) => { captured = q; return { rows: [{}] }; } } as never, { reportId: 1, range, excludeShorts: false });
    const plan = await handle.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS off, TIMING on) ${captured!}`);
    console.log(plan.rows.map((r) => Object.values(r)[0]).join("\n"));
  }
  for (const pass of ["first", "again"]) {
    await time(`${pass}: videos`, () => mergeVideoRange(handle.db, { reportId: 1, range, excludeShorts: false }));
    await time(`${pass}: claims`, () => mergeClaimRange(handle.db, { reportId: 1, range }));
    await time(`${pass}: metrics`, () => mergeVideoMetricsRange(handle.db, { reportId: 1, kind: "videos_report", contentHash: "h", defaultPeriod: "2025-01-01" }, range));
    await time(`${pass}: enrichment tasks`, () => enqueueAssetEnrichment(handle.db, 1, range));
  }
} finally {
  await handle.close();
  await admin(`DROP DATABASE ${name} WITH (FORCE)`);
}
