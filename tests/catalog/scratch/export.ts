import { createDatabase } from "@/lib/db/client";
import { exportCatalog } from "@/lib/catalog/export-csv";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  const q = exportQuerySchema.parse(Object.fromEntries(new URLSearchParams(process.argv[2] ?? "")));
  const t = performance.now();
  const csv = await exportCatalog(h.db, q, { batchRows: Number(process.env.BATCH ?? 5000) });
  const reader = csv.body.getReader();
  let bytes = 0, lines = 0, peak = 0;
  const base = process.memoryUsage().rss;
  for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.byteLength; for (const b of value) if (b === 10) lines++; peak = Math.max(peak, process.memoryUsage().rss - base); }
  const s = (performance.now() - t) / 1000;
  console.log({ header: csv.rows, lines, mb: (bytes / 1e6).toFixed(0), s: s.toFixed(1), rowsPerS: Math.round(lines / s), peakRssMB: (peak / 1e6).toFixed(0) });
  await h.close();
})();
