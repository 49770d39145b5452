import { createDatabase } from "@/lib/db/client";
import { searchVideos } from "@/lib/catalog/search-videos";
import { catalogQuerySchema } from "@/lib/catalog/parse-catalog-query";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  for (const raw of process.argv.slice(2)) {
    const q = catalogQuerySchema.parse(Object.fromEntries(new URLSearchParams(raw)));
    const ts: number[] = [];
    let r;
    for (let i = 0; i < 3; i++) { const t = performance.now(); r = await searchVideos(h.db, q, { apiSandbox: false }); ts.push(performance.now() - t); }
    console.log(raw.padEnd(40), ts.map((t) => t.toFixed(0)).join(" "), r!.total, r!.total_is_estimate);
  }
  await h.close();
})();
