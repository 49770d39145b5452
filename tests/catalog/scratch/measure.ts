import pg from "pg";
import { createDatabase } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { searchVideos } from "@/lib/catalog/search-videos";
import { catalogQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { seedCatalog } from "@/bench/catalog-seed";
import { benchVideoId } from "@/bench/generate-videos-report";

const server = "postgres://postgres@127.0.0.1:5432/postgres";
const name = "catalog_helper_f10";
const url = `postgres://postgres@127.0.0.1:5432/${name}`;
const admin = async (text: string) => { const c = new pg.Client({ connectionString: server }); await c.connect(); try { return (await c.query(text)).rows; } finally { await c.end(); } };

async function main() {
  const mode = process.argv[2] ?? "measure";
  if (mode === "seed") {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
    const h = await createDatabase({ url });
    await runMigrations(h);
    await h.close();
    let t = performance.now();
    await seedCatalog(url, { videos: 1_000_000, channels: 5000 });
    console.log("seeded", (performance.now() - t) / 1000);
    const c = new pg.Client({ connectionString: url }); await c.connect();
    // An import gives all its videos one merge time: most of the catalog shares one updated_at.
    await c.query(`UPDATE videos SET updated_at = '2026-06-01T10:00:00Z' WHERE hashtext(video_id) % 10 <> 0`);
    await c.query(`UPDATE channels SET hidden = true WHERE hashtext(channel_id) % 100 = 0`);
    await c.query(`VACUUM ANALYZE videos`); await c.query(`VACUUM ANALYZE channels`);
    await c.end();
    return;
  }
  const h = await createDatabase({ url });
  const COMMON = ["love", "official", "video", "heart", "night", "dance", "baby", "world", "fire", "dream"];
  const RARE = ["kalo", "zentor", "velqui", "narsho", "pexdru", "fayum", "bixwen", "quimi", "torvel", "drufa"];
  const CH = ["love", "kalo", "music", "ra1", "zen20", "tor33", "sho", "vel4", "night", "mi7"];
  const G = ["Pop", "Rock", "Hip-Hop", "Electronic", "Latin"];
  const cases: Record<string, (i: number) => Record<string, string>> = {
    first: (i) => ({ per_page: String(20 + (i % 3) * 5) }),
    common: (i) => ({ search: COMMON[i % 10] }),
    rare: (i) => ({ search: RARE[i % 10] }),
    channel: (i) => ({ channel_search: CH[i % 10] }),
    asset_medium: (i) => ({ has_asset_id: "yes", duration: "medium", page: String(1 + (i % 5)) }),
    views_desc: (i) => ({ sort: "views:desc", page: String(1 + (i % 5)) }),
    page5000: (i) => ({ page: String(4990 + (i % 20)) }),
    four: (i) => ({ has_asset_id: "yes", duration: "medium", policy: "Monetize", genre: G[i % 5] }),
    video_id: (i) => ({ video_id: benchVideoId((i * 7919) % 1_000_000) }),
    title_asc: (i) => ({ sort: "title:asc", page: String(1 + (i % 3)) }),
    published_desc: (i) => ({ sort: "time_published:desc" }),
    length_asc: (i) => ({ sort: "video_length:asc" }),
    search_title_sort: (i) => ({ search: COMMON[i % 10], sort: "title:asc" }),
  };
  const only = process.argv.slice(3);
  for (const [label, make] of Object.entries(cases)) {
    if (only.length && !only.includes(label)) continue;
    const times: number[] = []; let total = 0; let est = false;
    for (let i = 0; i < Number(process.env.N ?? 20); i++) {
      const q = catalogQuerySchema.parse(make(i));
      const t = performance.now();
      const r = await searchVideos(h.db, q, { apiSandbox: false });
      times.push(performance.now() - t); total = r.total; est = r.total_is_estimate;
    }
    times.sort((a, b) => a - b);
    console.log(label.padEnd(20), "p50", times[Math.floor(times.length / 2)].toFixed(1), "p95", times[Math.ceil(times.length * 0.95) - 1].toFixed(1), "total", total, est ? "(est)" : "");
  }
  await h.close();
}
if (!["explain", "costs", "costs2"].includes(process.argv[2])) main().catch((e) => { console.error(e); process.exit(1); });

export async function explain(params: Record<string, string>) {
  const { sql } = await import("drizzle-orm");
  const { catalogWhere, hiddenChannelIds } = await import("@/lib/catalog/catalog-filters");
  const { orderBy } = await import("@/lib/catalog/catalog-sort");
  const h = await createDatabase({ url });
  const q = catalogQuerySchema.parse(params);
  const where = catalogWhere(q, q.hidden === "all" ? [] : await hiddenChannelIds(h.db));
  const show = async (label: string, s: ReturnType<typeof sql>) => {
    const r = await h.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${s}`);
    console.log(`--- ${label}\n` + r.rows.map((x) => Object.values(x)[0]).join("\n"));
  };
  await show("page", sql`SELECT v.video_id FROM videos v WHERE ${where} ORDER BY ${orderBy(q.sort, "v")} LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`);
  await show("count", sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM videos v WHERE ${where} LIMIT 5001) m`);
  await h.close();
}
if (process.argv[2] === "explain") explain(JSON.parse(process.argv[3])).catch(console.error);

export async function costs() {
  const { sql } = await import("drizzle-orm");
  const { catalogWhere, hiddenChannelIds } = await import("@/lib/catalog/catalog-filters");
  const h = await createDatabase({ url });
  const cases: Record<string, string>[] = [
    {}, { search: "love" }, { search: "official" }, { search: "kalo" }, { search: "zentor" }, { search: "lo" }, { channel_search: "music" }, { channel_search: "kalo" }, { channel_search: "zen20" },
    { has_asset_id: "yes", duration: "medium" }, { has_asset_id: "yes", duration: "medium", policy: "Monetize", genre: "Pop" },
    { has_asset_id: "no", policy: "Monetize" }, { category: "Music" }, { genre: "Jazz" }, { duration: "long" }, { search: "love", genre: "Pop" },
    { updated_since: "2026-10-01" }, { is_short: "yes" }, { hidden: "yes" },
  ];
  for (const p of cases) {
    const where = catalogWhere(catalogQuerySchema.parse(p), await hiddenChannelIds(h.db));
    const plan = (await h.db.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM videos v WHERE ${where}`)).rows[0];
    const top = (Object.values(plan)[0] as any)[0].Plan;
    const t = performance.now();
    const n = (await h.db.execute(sql`SELECT count(*)::int AS n FROM videos v WHERE ${where}`)).rows[0].n;
    const ms = performance.now() - t;
    console.log(JSON.stringify(p).padEnd(70), "cost", Math.round(top["Total Cost"]), "est", top["Plan Rows"], "true", n, "ms", ms.toFixed(0), top["Node Type"]);
  }
  await h.close();
}
if (process.argv[2] === "costs") costs().catch(console.error);

export async function costs2() {
  const { sql } = await import("drizzle-orm");
  const { catalogWhere, hiddenChannelIds } = await import("@/lib/catalog/catalog-filters");
  const h = await createDatabase({ url });
  const hc = await hiddenChannelIds(h.db);
  const cases: Record<string, string>[] = [
    ...["kalo", "zentor", "velqui", "narsho", "pexdru", "fayum", "bixwen", "quimi", "torvel", "drufa"].map((search) => ({ search })),
    ...["love", "kalo", "music", "ra1", "zen20", "tor33", "sho", "vel4", "night", "mi7"].map((channel_search) => ({ channel_search })),
    ...["Pop", "Rock", "Hip-Hop", "Electronic", "Latin"].map((genre) => ({ has_asset_id: "yes", duration: "medium", policy: "Monetize", genre })),
    { duration: "long" }, { updated_since: "2026-10-01" }, { search: "love", genre: "Pop" },
  ];
  for (const p of cases) {
    const where = catalogWhere(catalogQuerySchema.parse(p), hc);
    const plan = (await h.db.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM videos v WHERE ${where}`)).rows[0];
    const top = (Object.values(plan)[0] as any)[0].Plan;
    const t = performance.now();
    const n = (await h.db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM videos v WHERE ${where} LIMIT 5001) m`)).rows[0].n;
    const ms = performance.now() - t;
    console.log(JSON.stringify(p).padEnd(80), "startup", Math.round(top["Startup Cost"]), "cost", Math.round(top["Total Cost"]), "est", top["Plan Rows"], "n", n, "ms", ms.toFixed(0), top["Node Type"]);
  }
  await h.close();
}
if (process.argv[2] === "costs2") costs2().catch(console.error);
