import { sql } from "drizzle-orm";
import { createDatabase } from "@/lib/db/client";
import { catalogWhere, hiddenChannelIds } from "@/lib/catalog/catalog-filters";
import { selectCatalogRows } from "@/lib/catalog/catalog-rows";
import { orderBy } from "@/lib/catalog/catalog-sort";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { csvLine } from "@/lib/catalog/csv-cells";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  const q = exportQuerySchema.parse(Object.fromEntries(new URLSearchParams(process.argv[2] ?? "")));
  const where = catalogWhere(q, await hiddenChannelIds(h.db));
  let captured: any;
  const fake = { execute: async (s: any) => { captured = s; return { rows: [] }; } } as any;
  await selectCatalogRows(fake, { where, orderBy: (a) => orderBy(q.sort, a), limit: 2_000_000_000, columns: q.columns });
  const t = performance.now();
  let lines = 0, bytes = 0, tf = 0, tq = 0;
  await h.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL cursor_tuple_fraction = 1`);
    await tx.execute(sql`DECLARE export_rows NO SCROLL CURSOR FOR ${captured}`);
    for (;;) {
      const t1 = performance.now();
      const r = await tx.execute(sql`FETCH 5000 FROM export_rows`);
      const t2 = performance.now();
      const text = r.rows.map((row: any) => csvLine(q.columns.map((c) => row[c]))).join("");
      bytes += new TextEncoder().encode(text).byteLength; lines += r.rows.length;
      tq += t2 - t1; tf += performance.now() - t2;
      if (r.rows.length < 5000) break;
    }
  });
  const s = (performance.now() - t) / 1000;
  console.log({ lines, mb: (bytes / 1e6).toFixed(0), s: s.toFixed(1), rowsPerS: Math.round(lines / s), fetchS: (tq / 1000).toFixed(1), formatS: (tf / 1000).toFixed(1) });
  await h.close();
})();
