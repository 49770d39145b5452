import { sql } from "drizzle-orm";
import { createDatabase } from "@/lib/db/client";
import { catalogWhere, hiddenChannelIds } from "@/lib/catalog/catalog-filters";
import { selectCatalogRows } from "@/lib/catalog/catalog-rows";
import { orderBy } from "@/lib/catalog/catalog-sort";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  const q = exportQuerySchema.parse(Object.fromEntries(new URLSearchParams(process.argv[2] ?? "")));
  const where = catalogWhere(q, await hiddenChannelIds(h.db));
  let captured: any;
  const fake = { execute: async (s: any) => { captured = s; return { rows: [] }; } } as any;
  await selectCatalogRows(fake, { where, orderBy: (a) => orderBy(q.sort, a), limit: 2_000_000_000, columns: q.columns });
  const r = await h.db.execute(sql`EXPLAIN ${captured}`);
  console.log(r.rows.map((x) => Object.values(x)[0]).join("\n"));
  await h.close();
})();
