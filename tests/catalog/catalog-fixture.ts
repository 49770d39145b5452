import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { channels, metadataSyncs, videos } from "@/lib/db/schema";

// A few hundred varied videos, channels and audit rows, written straight into the tables, and kept here as plain
// objects so the tests can compute every expected answer in JavaScript without the code under test.

export type SeedChannel = { channel_id: string; name: string | null; hidden: boolean };
export type SeedSync = { video_id: string; sync_time: string; source_kind: "report" | "api" | "user"; changes: Record<string, [unknown, unknown]> };
export type SeedVideo = {
  video_id: string; title: string | null; channel_id: string | null; channel_name: string | null;
  asset_id: string | null; custom_id: string | null; upc: string | null; isrc: string | null;
  artist: string[] | null; genre: string[] | null; label: string | null; category: string | null;
  claimed_status: string | null; effective_policy: string | null; is_short: boolean | null; short_rule: string | null;
  video_length: number | null; views: number | null; privacy_status: string | null;
  /** ISO with microseconds ("2025-03-01T10:00:00.123456Z"): string order is time order. */
  time_published: string | null; updated_at: string;
  hidden: boolean; administered: boolean; notes: string | null;
};
export type Seed = { channels: SeedChannel[]; videos: SeedVideo[]; syncs: SeedSync[] };

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["love", "night", "Official", "video", "dance", "LIVE", "remix", "heart", "rain", "summer", "gold", "moon"];
// Titles that test escaping, quoting and formula neutralisation.
const SPECIAL_TITLES = [
  "100% pure", "under_score song", "back\\slash tune", "=1+1", "+x", "-x", "@x", "\tx tab", "\rx return",
  "comma, and \"quotes\"", "line\nbreak", "Ünïcode title",
];
export const CHANNEL_COUNT = 12;
export const HIDDEN_CHANNELS = ["UC-chan-03", "UC-chan-07"];
// A chosen video with three audit rows, the newest written in the middle.
export const HISTORY_VIDEO = "vid_HISTORY";
export const MERGE_TIME = "2025-06-01T08:00:00.000000Z";

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const idChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function buildSeed(count = 300): Seed {
  const r = random(20250601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const maybe = <T>(p: number, value: () => T): T | null => (r() < p ? value() : null);
  const stamp = (day: number, micros: number) =>
    `${new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 19)}.${pad(micros, 6)}Z`;

  const channelsOut: SeedChannel[] = Array.from({ length: CHANNEL_COUNT }, (_, i) => {
    const id = `UC-chan-${pad(i, 2)}`;
    return { channel_id: id, name: i === 11 ? null : `${pick(["Alpha", "Beta", "Gamma", "Delta"])} ${pick(["Music", "Records", "Sound_Lab"])} ${i}`, hidden: HIDDEN_CHANNELS.includes(id) };
  });
  const videosOut: SeedVideo[] = [];
  for (let i = 0; i < count; i++) {
    const id = i === 0 ? HISTORY_VIDEO : `${idChars[i % idChars.length]}${idChars[(i * 7) % idChars.length]}v${pad(i, 4)}x${idChars[(i * 13) % idChars.length]}`;
    const channel = r() < 0.9 ? pick(channelsOut) : null;
    const hasAsset = r() < 0.6;
    const title = i % 25 === 3 ? SPECIAL_TITLES[Math.floor(i / 25) % SPECIAL_TITLES.length] : maybe(0.95, () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(WORDS)).join(" "));
    videosOut.push({
      video_id: id,
      title,
      channel_id: channel?.channel_id ?? null,
      // The report's name; the channels table may hold a newer one (renamed by an admin).
      channel_name: channel ? (r() < 0.2 ? "Old name" : channel.name) : maybe(0.5, () => "No row channel"),
      asset_id: hasAsset ? `A${pad(100000 + i, 15)}` : null,
      custom_id: maybe(0.5, () => `CUST-${pad(i % 40, 3)}`),
      upc: maybe(0.3, () => pad(700000000000 + i, 12)),
      isrc: maybe(0.4, () => `USRC1${pad(i, 7)}`),
      artist: maybe(0.7, () => [`Artist ${i % 9}`, ...(r() < 0.3 ? [`Guest ${i % 4}`] : [])]),
      genre: maybe(0.8, () => [...new Set([pick(["Pop", "Rock", "Jazz"]), ...(r() < 0.4 ? [pick(["Pop", "Latin", "Folk"])] : [])])]),
      label: maybe(0.6, () => pick(["North Records", "Blue Harbor", "=cmd label"])),
      category: maybe(0.9, () => pick(["Music", "Entertainment", "Gaming"])),
      claimed_status: hasAsset ? "claimed" : maybe(0.3, () => "unclaimed"),
      effective_policy: hasAsset ? pick(["Monetize", "Track", "Block"]) : null,
      is_short: maybe(0.85, () => r() < 0.3),
      short_rule: maybe(0.5, () => "duration_180s"),
      video_length: i % 50 === 7 ? [239, 240, 1200, 1201, 0, 60][Math.floor(i / 50) % 6] : maybe(0.9, () => Math.floor(r() * 2400)),
      views: maybe(0.9, () => (r() < 0.2 ? 1000 : Math.floor(r() * 1_000_000))),
      privacy_status: pick(["public", "unlisted", null]),
      time_published: maybe(0.85, () => stamp(-Math.floor(r() * 2000), Math.floor(r() * 1e6))),
      // Most videos share one merge time (one import); the others were changed later.
      // Every tenth falls in one millisecond of one day (7 distinct microseconds): the export's keyset must not
      // round them to milliseconds.
      updated_at: i % 10 === 0 && i > 0 ? stamp(200, 123400 + (i % 7)) : r() < 0.6 ? MERGE_TIME : stamp(150 + Math.floor(r() * 100), Math.floor(r() * 1e6)),
      hidden: r() < 0.05,
      administered: r() < 0.2,
      notes: maybe(0.2, () => pick(["call back", "needs check, urgent", "said \"no\"", "-draft"])),
    });
  }
  const syncs: SeedSync[] = [
    { video_id: HISTORY_VIDEO, sync_time: "2025-03-01T00:00:00.000000Z", source_kind: "report", changes: { title: [null, "first"] } },
    { video_id: HISTORY_VIDEO, sync_time: "2025-05-01T00:00:00.000000Z", source_kind: "user", changes: { title: ["second", "newest"] } },
    { video_id: HISTORY_VIDEO, sync_time: "2025-04-01T00:00:00.000000Z", source_kind: "api", changes: { title: ["first", "second"] } },
  ];
  for (const v of videosOut.slice(1)) {
    const n = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      syncs.push({ video_id: v.video_id, sync_time: stamp(100 + Math.floor(r() * 200), Math.floor(r() * 1e6)), source_kind: pick(["report", "api", "user"] as const), changes: { views: [k, k + 1] } });
    }
  }
  return { channels: channelsOut, videos: videosOut, syncs };
}

const ts = (value: string | null) => (value === null ? null : sql`${value}::timestamptz`);

export async function insertSeed(db: Database, seed: Seed): Promise<void> {
  await db.insert(channels).values(seed.channels.map((c) => ({ channelId: c.channel_id, name: c.name, hidden: c.hidden })));
  await db.insert(videos).values(seed.videos.map((v) => ({
    videoId: v.video_id, title: v.title, channelId: v.channel_id, channelName: v.channel_name, assetId: v.asset_id,
    customId: v.custom_id, upc: v.upc, isrc: v.isrc, artist: v.artist, genre: v.genre, label: v.label, category: v.category,
    claimedStatus: v.claimed_status, effectivePolicy: v.effective_policy, isShort: v.is_short, shortRule: v.short_rule,
    videoLength: v.video_length, views: v.views, privacyStatus: v.privacy_status, hidden: v.hidden, administered: v.administered,
    notes: v.notes, timePublished: ts(v.time_published) as never, updatedAt: ts(v.updated_at) as never,
  })));
  await db.insert(metadataSyncs).values(seed.syncs.map((s) => ({
    videoId: s.video_id, syncTime: ts(s.sync_time) as never, sourceKind: s.source_kind, changes: s.changes,
  })));
  await db.execute(sql`ANALYZE videos`);
}
