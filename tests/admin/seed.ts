import type { Database } from "@/lib/db/client";
import { assets, channels, claims, videos, type NewAsset, type NewChannel, type NewVideo } from "@/lib/db/schema";

// Deterministic catalog rows for the admin tests; the expected figures are computed from these arrays in
// JavaScript, independently of the SQL under test.

const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A valid `UC` + 22 character channel id, distinct per n. */
export function channelIdFor(n: number): string {
  let tail = "";
  let v = n + 1;
  for (let i = 0; i < 22; i++) {
    tail += ID_CHARS[v % 64];
    v = Math.floor(v / 64) + i * 7;
  }
  return `UC${tail}`;
}

export const videoIdFor = (n: number) => `v${String(n).padStart(10, "0")}`;
export const assetIdFor = (n: number) => `A${String(n).padStart(15, "0")}`;

export async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type SeededChannels = { channels: NewChannel[]; videos: NewVideo[] };

/** Channels with 0–12 videos each, plus videos without a channel and videos of channels the table does not hold. */
export async function seedChannels(db: Database, names: (string | null)[]): Promise<SeededChannels> {
  const channelRows: NewChannel[] = names.map((name, i) => ({ channelId: channelIdFor(i), name }));
  const videoRows: NewVideo[] = [];
  let n = 0;
  channelRows.forEach((c, i) => {
    for (let k = 0; k < (i * 5) % 13; k++) videoRows.push({ videoId: videoIdFor(n++), channelId: c.channelId, title: `Video ${n}` });
  });
  for (let k = 0; k < 4; k++) videoRows.push({ videoId: videoIdFor(n++), channelId: null });
  for (let k = 0; k < 3; k++) videoRows.push({ videoId: videoIdFor(n++), channelId: channelIdFor(10_000) });
  await db.insert(channels).values(channelRows);
  await insertInBatches(videoRows, (batch) => db.insert(videos).values(batch));
  return { channels: channelRows, videos: videoRows };
}

/** Assets with every combination of the two administered markers, and 0–6 claims each. */
export async function seedAssets(db: Database, count: number) {
  const assetRows: NewAsset[] = [];
  const claimRows: { videoId: string; assetId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const assetId = assetIdFor(i);
    assetRows.push({
      assetId,
      title: `Asset ${i}`,
      customId: `CUST-${i}`,
      isrc: `USRC1${String(i).padStart(7, "0")}`,
      upc: String(100000000000 + i),
      administered: i % 3 === 0,
      administerPublishRights: i % 4 === 0 ? true : i % 4 === 1 ? false : null,
    });
    for (let k = 0; k < i % 7; k++) claimRows.push({ videoId: videoIdFor(i * 10 + k), assetId });
  }
  await insertInBatches(assetRows, (batch) => db.insert(assets).values(batch));
  await insertInBatches(claimRows, (batch) => db.insert(claims).values(batch));
  return { assets: assetRows, claims: claimRows };
}
