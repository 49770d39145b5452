import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { benchVideoId } from "./generate-videos-report";

// Seeds a catalog the size of a large content owner's: videos with titles drawn from a Zipf-like vocabulary
// (a few words in most titles, a long tail of rare ones, as real music titles are), channels, claims for the
// videos that have an asset, and audit rows for about half the videos. Deterministic (seeded PRNG), so every
// run measures the same data.

const VOCABULARY = [
  "love", "official", "video", "audio", "remix", "live", "music", "feat", "night", "heart", "baby", "dance", "world",
  "time", "life", "girl", "summer", "fire", "dream", "light", "rain", "home", "party", "soul", "blue", "gold", "moon",
  "star", "sun", "road", "city", "wild", "young", "forever", "crazy", "sweet", "lonely", "broken", "free", "alone",
  "angel", "devil", "paradise", "river", "ocean", "storm", "thunder", "shadow", "memory", "letter", "winter", "autumn",
  "spring", "midnight", "morning", "sunset", "highway", "diamond", "silver", "velvet", "echo", "mirror", "garden",
];
const RARE_SYLLABLES = ["ka", "lo", "mi", "ra", "zen", "tor", "vel", "qui", "nar", "sho", "pex", "dru", "fa", "yum", "bix", "wen"];
const GENRES = ["Pop", "Rock", "Hip-Hop", "Electronic", "Latin", "Country", "Jazz", "Classical", "R&B", "K-Pop", "Reggaeton", "Folk"];
const LABELS = ["Northern Lights Records", "Blue Harbor Music", "Atlas Sound", "Red Fern Recordings", "Independent"];
const POLICIES = ["Monetize", "Track", "Block", "Monetize in all countries"];
const CATEGORIES = ["Music", "Entertainment", "People & Blogs", "Film & Animation"];
const SUFFIXES = [" (Official Video)", " (Official Audio)", " (Lyric Video)", " (Live)", "", "", "", ""];

/** mulberry32: small, fast, good enough for benchmark data, and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]) => list[Math.floor(random() * list.length)];
/** Word rank ~ Zipf: the first words appear in a large share of titles, rare made-up words almost never. */
function titleWord(random: () => number): string {
  const r = random();
  if (r < 0.85) return VOCABULARY[Math.floor(Math.pow(random(), 1.5) * VOCABULARY.length)];
  const n = 2 + Math.floor(random() * 2);
  let word = "";
  for (let i = 0; i < n; i++) word += pick(random, RARE_SYLLABLES);
  return word;
}
export function benchTitle(random: () => number): string {
  const words = Array.from({ length: 2 + Math.floor(random() * 4) }, () => titleWord(random));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(" ") + pick(random, SUFFIXES);
}
export const benchChannelName = (i: number) => `${pick(seededRandom(i + 1), VOCABULARY)} ${pick(seededRandom(i + 7), RARE_SYLLABLES)}${i} Music`;
export const benchChannelId = (i: number) => `UC${String(i).padStart(22, "0")}`;

const csv = (v: string | number | boolean | null) => (v === null ? "" : typeof v === "string" ? `"${v.replace(/"/g, '""')}"` : String(v));
const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(",")}}`;

async function copyRows(client: pg.Client, statement: string, rows: Iterable<string>): Promise<void> {
  async function* lines() {
    let buffer = "";
    for (const row of rows) {
      buffer += row + "\n";
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = "";
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(statement)));
}

function* videoRows(count: number, channels: number): Generator<string> {
  const random = seededRandom(42);
  const base = Date.UTC(2015, 0, 1);
  for (let i = 0; i < count; i++) {
    const channel = Math.floor(Math.pow(random(), 1.5) * channels);
    const hasAsset = random() < 0.7;
    const length = Math.round(-Math.log(1 - random() * 0.999) * 240) + 5;
    const published = new Date(base + Math.floor(random() * 11 * 365) * 86_400_000).toISOString();
    const updated = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300 * 86_400_000)).toISOString();
    yield [
      csv(benchVideoId(i)), csv(benchTitle(random)), csv(pgArray([`Artist ${Math.floor(random() * 20000)}`])),
      csv(pgArray([pick(random, GENRES)])), csv(pick(random, LABELS)), csv(benchChannelId(channel)), csv(benchChannelName(channel)),
      csv(pick(random, CATEGORIES)), hasAsset ? csv(`A${100000000000000 + i}`) : "", hasAsset ? csv(`CUST-${i}`) : "",
      hasAsset && random() < 0.6 ? csv(String(100000000000 + i).padStart(12, "0")) : "",
      hasAsset && random() < 0.8 ? csv(`USRC1${String(i).padStart(7, "0")}`) : "",
      csv(hasAsset ? "claimed" : "unclaimed"), csv(hasAsset), hasAsset ? csv(pick(random, POLICIES)) : "",
      csv(length), csv(Math.floor(Math.pow(random(), 4) * 50_000_000)), csv(length <= 60), csv(length <= 60 ? "duration" : "duration"),
      csv("public"), csv(published), csv(random() < 0.01), csv(published), csv(updated), csv(1),
    ].join(",");
  }
}

export async function seedCatalog(url: string, options: { videos: number; channels: number }): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO reports (id, key, filename, status) VALUES (1, 'reports/bench-seed.csv', 'bench-seed.csv', 'completed') ON CONFLICT DO NOTHING`);
    await copyRows(client, "COPY channels (channel_id, name) FROM STDIN (FORMAT csv)", (function* () {
      for (let c = 0; c < options.channels; c++) yield `${csv(benchChannelId(c))},${csv(benchChannelName(c))}`;
    })());
    await copyRows(
      client,
      `COPY videos (video_id, title, artist, genre, label, channel_id, channel_name, category, asset_id, custom_id, upc, isrc,
        claimed_status, claimed_by_this_owner, effective_policy, video_length, views, is_short, short_rule, privacy_status,
        time_published, hidden, created_at, updated_at, created_by_report_id) FROM STDIN (FORMAT csv)`,
      videoRows(options.videos, options.channels),
    );
    await client.query(`UPDATE videos SET created_by_report_at = created_at`);
    // A claim per video with an asset; audit rows for about half the videos (a few with a longer history).
    await client.query(`INSERT INTO claims (video_id, asset_id, policy, status) SELECT video_id, asset_id, effective_policy, 'ACTIVE' FROM videos WHERE asset_id IS NOT NULL`);
    await client.query(`
      INSERT INTO metadata_syncs (video_id, sync_time, source_kind, source_id, changes)
      SELECT v.video_id, v.updated_at - (n || ' days')::interval, 'report', '1',
             jsonb_build_object('views', jsonb_build_array(v.views - 100 * n, v.views))
      FROM videos v CROSS JOIN generate_series(0, 2) n
      WHERE hashtext(v.video_id) % 2 = 0 AND (n = 0 OR hashtext(v.video_id) % 10 = 0)`);
    await client.query("VACUUM ANALYZE videos");
    await client.query("VACUUM ANALYZE channels");
    await client.query("ANALYZE claims");
    await client.query("ANALYZE metadata_syncs");
  } finally {
    await client.end();
  }
}
