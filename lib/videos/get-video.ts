import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { assets, claims, metadataSyncs, reports, users, videoMetrics, videos, type Video } from "@/lib/db/schema";
import { videoNotFound } from "./edit-transaction";
import { toVideoRecord } from "./serialize-video";
import { shortReason } from "./short-reason";
import { buildTimeline, type AuditRow } from "./timeline";
import type { VideoClaim, VideoDetail, VideoMetricPeriod } from "./types";

/** The newest audit records shown; a video synced daily for years has thousands, and the page must stay quick. */
export const TIMELINE_LIMIT = 500;

/** One video with everything the video page shows (F11); 404 when the catalog has no such video. */
export async function getVideoDetail(db: Database, videoId: string): Promise<VideoDetail> {
  const [video] = await db.select().from(videos).where(eq(videos.videoId, videoId)).limit(1);
  if (!video) throw videoNotFound(videoId);
  const [claimRows, metrics, history, [{ total }], createdBy] = await Promise.all([
    videoClaims(db, videoId),
    videoMetricPeriods(db, videoId),
    auditRows(db, videoId),
    db.select({ total: count() }).from(metadataSyncs).where(eq(metadataSyncs.videoId, videoId)),
    creatingReport(db, video),
  ]);
  return {
    video: toVideoRecord(video),
    shorts: { is_short: video.isShort, short_rule: video.shortRule, reason: shortReason(video.isShort, video.shortRule) },
    claims: claimRows,
    metrics,
    timeline: buildTimeline(createdBy, history),
    history_total: Number(total),
  };
}

async function videoClaims(db: Database, videoId: string): Promise<VideoClaim[]> {
  const rows = await db
    .select({ claim: claims, asset: assets })
    .from(claims)
    .leftJoin(assets, eq(assets.assetId, claims.assetId))
    .where(eq(claims.videoId, videoId))
    .orderBy(asc(claims.assetId));
  return rows.map(({ claim, asset }) => ({
    asset_id: claim.assetId,
    claim_id: claim.claimId,
    claim_type: claim.claimType,
    claim_origin: claim.claimOrigin,
    policy: claim.policy,
    status: claim.status,
    updated_at: claim.updatedAt.toISOString(),
    asset: asset && {
      asset_type: asset.assetType,
      title: asset.title,
      custom_id: asset.customId,
      isrc: asset.isrc,
      upc: asset.upc,
      artist: asset.artist,
      label: asset.label,
      administered: asset.administered,
    },
  }));
}

/** Sums per period and report kind, computed and returned as exact decimal text (never through a float). */
async function videoMetricPeriods(db: Database, videoId: string): Promise<VideoMetricPeriod[]> {
  const rows = await db
    .select({
      period: sql<string>`${videoMetrics.period}::text`,
      reportKind: videoMetrics.reportKind,
      ownedViews: sql<string>`sum(${videoMetrics.ownedViews})::text`,
      partnerRevenue: sql<string>`sum(${videoMetrics.partnerRevenue})::text`,
      files: sql<number>`count(*)::int`,
    })
    .from(videoMetrics)
    .where(eq(videoMetrics.videoId, videoId))
    .groupBy(videoMetrics.period, videoMetrics.reportKind)
    .orderBy(desc(videoMetrics.period), asc(videoMetrics.reportKind));
  return rows.map((r) => ({ period: r.period, report_kind: r.reportKind, owned_views: Number(r.ownedViews), partner_revenue: r.partnerRevenue, files: Number(r.files) }));
}

async function auditRows(db: Database, videoId: string): Promise<AuditRow[]> {
  return db
    .select({
      id: metadataSyncs.id,
      syncTime: metadataSyncs.syncTime,
      sourceKind: metadataSyncs.sourceKind,
      sourceId: metadataSyncs.sourceId,
      userId: metadataSyncs.userId,
      changes: metadataSyncs.changes,
      sandbox: metadataSyncs.sandbox,
      taskId: metadataSyncs.taskId,
      userEmail: users.email,
      userName: users.name,
      reportFilename: reports.filename,
    })
    .from(metadataSyncs)
    .leftJoin(users, eq(users.id, metadataSyncs.userId))
    .leftJoin(reports, sql`${metadataSyncs.sourceKind} = 'report' AND ${reports.id}::text = ${metadataSyncs.sourceId}`)
    .where(eq(metadataSyncs.videoId, videoId))
    .orderBy(desc(metadataSyncs.syncTime), desc(metadataSyncs.id))
    .limit(TIMELINE_LIMIT);
}

async function creatingReport(db: Database, video: Video) {
  if (video.createdByReportId === null || video.createdByReportAt === null) return null;
  const [report] = await db.select({ filename: reports.filename }).from(reports).where(eq(reports.id, video.createdByReportId));
  return { reportId: video.createdByReportId, at: video.createdByReportAt, filename: report?.filename ?? null };
}
