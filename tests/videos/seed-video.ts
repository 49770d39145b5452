import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { assets, claims, reports, videoMetrics, videos, type NewVideo } from "@/lib/db/schema";

export const VIDEO_ID = "dQw4w9WgXcQ";
export const OTHER_ID = "Qq-Ww_Ee1Rr";

export const clearCatalog = (db: Database) =>
  db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, processing_queue, reports, import_staging RESTART IDENTITY CASCADE`);

/** A finished report row, as the import leaves it: the created-by entry and report audit rows point at it. */
export async function seedReport(db: Database, filename: string, startedAt: Date): Promise<number> {
  const [report] = await db
    .insert(reports)
    .values({ key: `reports/${filename}`, filename, status: "completed", startedAt, finishedAt: startedAt })
    .returning({ id: reports.id });
  return report.id;
}

/** One video with two claims (one asset known to the catalog, one not) and metrics from two files of a period. */
export async function seedVideo(db: Database, overrides: Partial<NewVideo> = {}): Promise<void> {
  await db.insert(videos).values({
    videoId: VIDEO_ID,
    title: "Never Gonna Give You Up",
    artist: ["Rick Astley"],
    genre: ["Pop"],
    label: "RCA",
    channelId: "UCuAXFkgsw1L7xaCfnd5JJOw",
    channelName: "Rick Astley",
    category: "Music",
    assetId: "A100000000000001",
    customId: "CUST-1",
    upc: "0602577012345",
    isrc: "GBARL9300135",
    claimedStatus: "claimed",
    effectivePolicy: "Monetize in all countries",
    videoLength: 213,
    views: 1_500_000_000,
    isShort: false,
    shortRule: "duration_60s",
    timePublished: new Date("2009-10-25T06:57:33Z"),
    adSkippable: true,
    privacyStatus: "public",
    sourceFingerprint: "internal-fingerprint",
    ...overrides,
  });
  await db.insert(assets).values({ assetId: "A100000000000001", assetType: "Sound recording", title: "Never Gonna Give You Up", isrc: "GBARL9300135", label: "RCA", artist: "Rick Astley" });
  await db.insert(claims).values([
    { videoId: VIDEO_ID, assetId: "A100000000000001", claimId: "clm-001", claimType: "Audio", policy: "Monetize", status: "active" },
    { videoId: VIDEO_ID, assetId: "A200000000000002", claimId: "clm-002", claimType: "Visual", policy: "Track", status: "active" },
  ]);
  const metric = { videoId: VIDEO_ID, reportKind: "claim_raw" };
  await db.insert(videoMetrics).values([
    // Sums that a float would round: 15 significant digits are the most a double keeps.
    { ...metric, period: "2025-06-01", sourceHash: "file-a", ownedViews: 3, partnerRevenue: "12345678901234.123456789012" },
    { ...metric, period: "2025-06-01", sourceHash: "file-b", ownedViews: 4, partnerRevenue: "0.000000000001" },
    { ...metric, period: "2025-05-01", sourceHash: "file-a", ownedViews: 7, partnerRevenue: "0.000021676471" },
  ]);
}
