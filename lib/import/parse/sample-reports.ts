import { gzipSync } from "node:zlib";

// Small made-up reports in the real shapes, placed in the local bucket on a fresh start so a person can try
// imports. Deterministic (no clock, no randomness) so a restart never produces "new" files. The files share
// video and asset ids, so importing several shows them interacting (claims, metrics, Shorts).

const CHANNEL = "SampleMusicChannel0001"; // Studio files omit the UC prefix; the Videos report has it
const R10 = "YouTube Revenue Split : Auction,YouTube Revenue Split : Reserved,YouTube Revenue Split : Partner Sold YouTube Served,YouTube Revenue Split : Partner Sold Partner Served,YouTube Revenue Split,Partner Revenue : Auction,Partner Revenue : Reserved,Partner Revenue : Partner Sold YouTube Served,Partner Revenue : Partner Sold Partner Served,Partner Revenue";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const videoId = (i: number) => (i === 0 ? "-Sample0000" : `SampleVid${pad(i, 2)}`);
const assetId = (i: number) => `A9000000000000${pad(i, 2)}`;
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => quote(String(v))).join(",")).join("\n") + "\n";
/** A revenue amount with many decimals, made from integers so it stays exact. */
const money = (i: number, scale = 1) => `${Math.floor((i * 37 * scale) / 100)}.${pad((i * 7919 * scale) % 1_000_000, 6)}021676`;

type Video = { title: string; length: number; published: string; claims: number; views: number };
const VIDEOS: Video[] = [
  { title: "Live in Lisbon, Part 1", length: 245, published: "2023-05-02T12:30:00.000Z", claims: 3, views: 123456 },
  { title: "Backstage #shorts", length: 30, published: "2025-03-01T09:00:00.000Z", claims: 2, views: 8200 },
  { title: 'The "Official" Video 🎸', length: 212, published: "2022-11-20T18:00:00.000Z", claims: 1, views: 990001 },
  { title: "Studio teaser", length: 59, published: "2023-08-14T07:15:00.000Z", claims: 3, views: 4100 },
  { title: "Vlog: tour bus", length: 900, published: "2024-01-09T16:45:00.000Z", claims: 0, views: 350 },
  { title: "Night Drive (lyric video)", length: 170, published: "2025-02-10T10:00:00.000Z", claims: 2, views: 56000 },
  { title: "Night Drive teaser", length: 170, published: "2023-02-10T10:00:00.000Z", claims: 2, views: 1200 },
  { title: "東京の夜 🌃", length: 188, published: "2025-06-01T00:00:00.000Z", claims: 3, views: 77 },
  { title: "Acoustic session", length: 301, published: "2021-04-04T04:04:04.000Z", claims: 1, views: 20000 },
  { title: "Drum cam #shorts", length: 45, published: "2024-11-02T13:00:00.000Z", claims: 2, views: 15000 },
  { title: "Fan cover (unclaimed)", length: 150, published: "2025-05-05T05:05:05.000Z", claims: 0, views: 42 },
  { title: "Remix contest", length: 3600, published: "2024-07-07T07:07:07.000Z", claims: 3, views: 610 },
  { title: "Making of, part 2", length: 420, published: "2023-12-24T20:00:00.000Z", claims: 2, views: 3300 },
  { title: "Encore", length: 58, published: "2025-01-01T00:00:01.000Z", claims: 3, views: 9100 },
];
/** Asset of the n-th claim of video i: neighbouring videos share assets, as real catalogs do. */
const claimAsset = (i: number, n: number) => ((i + n * 5) % 12) + 1;

function videosReport(): string {
  const header = ["video_id", "channel_id", "channel_display_name", "time_uploaded", "time_published", "video_title", "video_length", "views", "video_privacy_status", "category", "embedding_allowed", "ratings_allowed", "comments_allowed", "claim_origin", "content_type", "upload_source", "claimed_by_this_owner", "claimed_by_another_owner", "other_owners_claiming", "claim_id", "asset_id", "custom_id", "effective_policy", "isrc"];
  const rows: (string | number)[][] = [header];
  VIDEOS.forEach((v, i) => {
    const common = (claim: number | null) => {
      const asset = claim === null ? null : claimAsset(i, claim);
      return [videoId(i), `UC${CHANNEL}`, "Sample Music", v.published, v.published, v.title, v.length, v.views, i === 10 ? "unlisted" : "public", "Music", "true", "true", i % 4 === 0 ? "false" : "true",
        claim === null ? "" : claim === 0 ? "Audio match" : "Partner upload", i === 10 ? "UGC" : "Partner-provided", "web", claim === null ? "No" : "Yes", i === 7 ? "Yes" : "No", i === 7 ? "Other Label Ltd" : "",
        claim === null ? "" : `clm-${pad(i, 2)}-${claim}`, asset === null ? "" : assetId(asset), asset === null ? "" : `SR-${pad(asset, 3)}`, i % 3 === 0 ? "Monetize in all countries" : "Track in all countries", asset === null ? "" : `QZSAM25${pad(asset, 5)}`];
    };
    if (v.claims === 0) rows.push(common(null));
    for (let n = 0; n < v.claims; n++) rows.push(common(n));
  });
  return csv(rows);
}

function claimRaw(): string {
  const header = ["Adjustment Type", "Day", "Country", "Video ID", "Channel ID", "Asset ID", "Asset Channel ID", "Asset Type", "Custom ID", "Content Type", "Policy", "Claim Type", "Claim Origin", "Owned Views", ...R10.split(",")];
  const rows: (string | number)[][] = [header];
  const countries = ["US", "DE", "BR", "JP"];
  for (let i = 0; i < 8; i++) {
    for (let n = 0; n < Math.max(1, VIDEOS[i].claims); n++) {
      const a = claimAsset(i, n);
      const day = `202506${pad(1 + ((i * 3 + n) % 28), 2)}`;
      rows.push(["None", day, countries[(i + n) % 4], videoId(i), CHANNEL, assetId(a), a % 2 ? CHANNEL : "", "Sound Recording", `SR-${pad(a, 3)}`, "Partner-provided", "Monetize", n === 0 ? "Audio" : "Audiovisual", n === 0 ? "Audio match" : "Partner upload", 100 * (i + 1) + n, "0.1", "0", "0", "0", "0.1", money(i + n + 1), "0", "0", "0", money(i + n + 1)]);
    }
  }
  return csv(rows);
}

function assetRawMusic(): string {
  const header = ["Adjustment Type", "Day", "Country", "Asset ID", "Asset Title", "Asset Labels", "Asset Channel ID", "Asset Type", "Custom ID", "ISRC", "UPC", "GRid", "Artist", "Album", "Label", "Administer Publish Rights", "Owned Views", ...R10.split(",")];
  const rows: (string | number)[][] = [header];
  for (let a = 1; a <= 10; a++) {
    rows.push(["None", "20250601", a % 2 ? "US" : "GB", assetId(a), `Track ${a}${a === 3 ? ", live" : ""}`, a % 3 === 0 ? "Catalog|Priority" : "Catalog", a % 2 ? CHANNEL : "", "Sound Recording", `SR-${pad(a, 3)}`, `QZSAM25${pad(a, 5)}`, `0${pad(60257701000 + a, 11)}`,
      `A1-SAMPL-${pad(a, 10)}-M`, a < 6 ? "Sample Artist" : "Other Artist", a < 6 ? "Live in Lisbon" : "Night Drive", "Sample Records", a % 2 ? "True" : "False", 50 * a, "0", "0", "0", "0", "0", money(a, 3), "0", "0", "0", money(a, 3)]);
  }
  return csv(rows);
}

function shortsSummary(): string {
  const header = ["Adjustment Type", "Video ID", "Video Title", "Video Duration (sec)", "Category", "Channel ID", "Uploader", "Content Type", "Policy", "Engaged Views", "Net Partner Revenue (Post revshare)"];
  const rows: (string | number)[][] = [header];
  for (const i of [1, 3, 9, 13]) rows.push(["None", videoId(i), VIDEOS[i].title, VIDEOS[i].length, "Music", CHANNEL, "", "Partner-provided", "Monetize", VIDEOS[i].views, money(i, 2)]);
  return csv(rows);
}

function redMusicVideo(): string {
  const header = ["Adjustment Type", "Day", "Country", "Video ID", "Custom ID", "Content Type", "Video Title", "Video Duration (sec)", "Username", "Uploader", "Channel Display Name", "Channel ID", "Claim Type", "Claim Origin", "Multiple Claims?", "Asset ID", "Policy", "Owned Views", "YouTube Revenue Split", "Partner Revenue"];
  const rows: (string | number)[][] = [["Video Summary"], header];
  for (const i of [0, 2, 5, 7, 11]) {
    for (let n = 0; n < VIDEOS[i].claims; n++) {
      rows.push(["None", "20250615", "US", videoId(i), videoId(i), "UGC", VIDEOS[i].title, VIDEOS[i].length, "SampleMusic", "", "Sample Music", CHANNEL, "Audio", "Audio match", VIDEOS[i].claims > 1 ? "Yes" : "No", assetId(claimAsset(i, n)), "Monetize", 10 + i + n, "0.01", money(i + n + 2)]);
    }
  }
  return csv(rows);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export function sampleReports(): { name: string; bytes: Uint8Array }[] {
  return [
    { name: "video_report_SampleMusic_V_v1-3.csv", bytes: utf8(videosReport()) },
    // mtime 0 in the gzip header keeps the bytes identical from run to run.
    { name: "YouTube_SampleMusic_M_20250601_claim_raw_v1-1.csv.gz", bytes: new Uint8Array(gzipSync(utf8(claimRaw()))) },
    { name: "YouTube_SampleMusic_M_20250601_asset_raw_v1-1.csv", bytes: utf8(assetRawMusic()) },
    { name: "YouTube_SampleMusic_M_20250601_20250630_monthly_shorts_non_music_ads_video_summary_v1-1.csv", bytes: utf8(shortsSummary()) },
    { name: "YouTube_SampleMusic_M_20250601_20250630_red_music_rawdata_video_v1-1.csv", bytes: utf8(redMusicVideo()) },
  ];
}
