import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";

// A claim-raw-shaped financial report (a row per day × country × video × claimed asset, revenue to 12 decimals)
// with deterministic made-up rows: the benchmark of issue #12 imports 1M and 5M rows of it to show that staging is
// linear in the file's length, and checks that the imported revenue ties out to the file's to the last decimal.

export const claimRawHeader = [
  "Adjustment Type", "Day", "Country", "Video ID", "Channel ID", "Asset ID", "Asset Channel ID", "Asset Type",
  "Custom ID", "Content Type", "Policy", "Claim Type", "Claim Origin", "Owned Views",
  "YouTube Revenue Split : Auction", "YouTube Revenue Split : Reserved", "YouTube Revenue Split : Partner Sold YouTube Served",
  "YouTube Revenue Split : Partner Sold Partner Served", "YouTube Revenue Split", "Partner Revenue : Auction",
  "Partner Revenue : Reserved", "Partner Revenue : Partner Sold YouTube Served", "Partner Revenue : Partner Sold Partner Served",
  "Partner Revenue",
];

const COUNTRIES = ["US", "DE", "FR", "GB", "BR", "IN", "JP", "MX", "CA", "IT", "ES", "NL", "PL", "SE", "KR", "AU", "TR", "ID", "AR", "ZA"];
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** An 11-character video id, unique per video index. */
export function claimRawVideoId(video: number): string {
  let id = "";
  let h = (video * 2654435761) >>> 0;
  for (let k = 0; k < 5; k++, h >>>= 6) id += ALPHABET[h & 63];
  for (let k = 5, n = video; k >= 0; k--, n = Math.floor(n / 64)) id += ALPHABET[n % 64];
  return id;
}

/** 12 decimals from integer micro-micro-units: 1234567 → "0.000001234567", negative when asked. */
function decimal12(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(13, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -12)}.${digits.slice(-12)}`;
}

/**
 * Row i of a file over `videos` videos: video i % videos, then day and country advance, so every row is a distinct
 * day × country × video × asset. Every 10th video has a second claimed asset (on alternate rows), every 50th row is
 * a negative adjustment. Returns the cells and the row's Partner Revenue in 10⁻¹² units.
 */
export function claimRawRow(i: number, videos: number): { cells: string[]; revenueUnits: bigint } {
  const video = i % videos;
  const round = Math.floor(i / videos);
  const day = 20250601 + (round % 30);
  const country = COUNTRIES[Math.floor(round / 30) % COUNTRIES.length];
  const secondAsset = video % 10 === 0 && round % 2 === 1;
  const asset = `A${String(100000000000000 + video * 2 + (secondAsset ? 1 : 0))}`;
  const channel = `Ch${String(video % 2000).padStart(20, "x")}`;
  const adjustment = i % 50 === 49;
  // Deterministic "random" revenue below 100, down to 10⁻¹²; adjustments take money back.
  const hash = BigInt((Math.imul(i + 1, 2654435761) >>> 0) * 23) * 1009n + BigInt(i % 997);
  const revenueUnits = (adjustment ? -1n : 1n) * (hash % 100_000_000_000_000n);
  const revenue = decimal12(revenueUnits);
  const split = decimal12(revenueUnits / 2n);
  const views = String((i * 7919) % 5000);
  return {
    cells: [
      adjustment ? "Backpay" : "None", String(day), country, claimRawVideoId(video), channel, asset, channel,
      secondAsset ? "Composition" : "Sound Recording", `CUST-${video}`, video % 3 === 0 ? "UGC" : "Partner-provided",
      video % 4 === 0 ? "Track" : "Monetize", "Audio", "Audio match", views,
      split, "0", "0", "0", split, revenue, "0", "0", "0", revenue,
    ],
    revenueUnits,
  };
}

/** The file's text, row by row (tests), with the exact Partner Revenue total in 10⁻¹² units. */
export function claimRawText(rows: number, videos: number): { text: string; revenueUnits: bigint } {
  let revenueUnits = 0n;
  const lines = [claimRawHeader.join(",")];
  for (let i = 0; i < rows; i++) {
    const row = claimRawRow(i, videos);
    revenueUnits += row.revenueUnits;
    lines.push(row.cells.join(","));
  }
  return { text: lines.join("\n") + "\n", revenueUnits };
}

/** Writes the .csv.gz and returns the exact Partner Revenue total as a decimal string (12 places). */
export async function generateClaimRawReport(path: string, rows: number, videos: number): Promise<string> {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  let total = 0n;
  let buffer = claimRawHeader.join(",") + "\n";
  for (let i = 0; i < rows; i++) {
    const row = claimRawRow(i, videos);
    total += row.revenueUnits;
    buffer += row.cells.join(",") + "\n";
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await once(gzip, "drain");
      buffer = "";
    }
  }
  gzip.end(buffer);
  await once(out, "finish");
  return decimal12(total);
}

/** A decimal string as an integer count of 10⁻¹² (exact; more than 12 places would be refused). */
export function decimalToUnits(value: string): bigint {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".");
  if (fraction.replace(/0+$/, "").length > 12) throw new Error(`${value} has more than 12 decimals`);
  const units = BigInt(whole || "0") * 10n ** 12n + BigInt(fraction.slice(0, 12).padEnd(12, "0"));
  return negative ? -units : units;
}

export const unitsToDecimal = decimal12;
