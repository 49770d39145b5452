import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";

// A Videos-report-shaped file (snake_case, one row per claim) with deterministic made-up rows, one video each,
// so a raw COPY into a table keyed by video_id takes exactly the same rows.
export const videosReportHeader = [
  "video_id", "channel_id", "video_title", "time_uploaded", "time_published", "video_length", "views",
  "privacy_status", "claim_id", "asset_id", "custom_id", "isrc", "upload_source", "claimed_by_this_owner",
  "claimed_by_another_owner", "other_owners_claiming", "embedding_allowed", "ratings_allowed", "comments_allowed",
  "category", "effective_policy",
];

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Unique per i: five scrambled characters, then i itself in base 64 (six characters). */
export function benchVideoId(i: number): string {
  let id = "";
  let h = (i * 2654435761) >>> 0;
  for (let k = 0; k < 5; k++, h >>>= 6) id += alphabet[h & 63];
  for (let k = 5, n = i; k >= 0; k--, n = Math.floor(n / 64)) id += alphabet[n % 64];
  return id;
}

export function benchRow(i: number): string[] {
  const published = new Date(Date.UTC(2019, 0, 1) + (i % 2000) * 86_400_000).toISOString();
  return [
    benchVideoId(i),
    `UC${String(i % 5000).padStart(22, "x")}`,
    i % 97 === 0 ? `"Song ${i}, live ""in"" concert"` : `Song number ${i} (Official Audio)`,
    published,
    published,
    String(30 + (i % 600)),
    String((i * 7919) % 10_000_000),
    "public",
    `clm${i}`,
    `A${String(100000000000000 + i)}`,
    `CUST-${i}`,
    `USRC1${String(i).padStart(7, "0")}`,
    "web",
    "Yes",
    i % 10 === 0 ? "Yes" : "No",
    i % 10 === 0 ? "Other Label" : "",
    "Yes",
    "Yes",
    "Yes",
    "Music",
    i % 3 === 0 ? "Monetize" : "Track",
  ];
}

export async function generateVideosReport(path: string, rows: number): Promise<void> {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  let buffer = videosReportHeader.join(",") + "\n";
  for (let i = 0; i < rows; i++) {
    buffer += benchRow(i).join(",") + "\n";
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await once(gzip, "drain");
      buffer = "";
    }
  }
  gzip.end(buffer);
  await once(out, "finish");
}
