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
main().catch((e) => { console.error(e); process.exit(1); });
