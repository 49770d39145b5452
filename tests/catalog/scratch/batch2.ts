import { sql } from "drizzle-orm";
import { createDatabase } from "@/lib/db/client";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  const r = await h.db.execute(sql.raw(process.argv[2]));
  console.log(r.rows.map((x) => Object.values(x)[0]).join("\n").replace(/'\{UC[^}]*\}'/g, "'{...}'"));
  await h.close();
})();
