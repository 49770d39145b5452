import { asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { channels, videos, type Channel, type FieldChanges } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { channelAuditSource, recordAdminChange } from "./admin-audit";
import { containsPattern, pageCount } from "./pagination";

export type AdminChannel = {
  channel_id: string;
  name: string | null;
  description: string | null;
  hidden: boolean;
  video_count: number;
  updated_at: string;
};

export type ChannelPage = { channels: AdminChannel[]; total: number; pages: number; current_page: number; per_page: number };

/**
 * One page of channels by name, each with its number of videos. Only the page's channels are counted (one
 * GROUP BY over videos_channel_id_idx for those ids), so the page costs the same with a million videos as with
 * ten. The search matches the name anywhere (channels_name_trgm_idx) or the exact channel id.
 */
export async function listChannels(db: Database, params: { page: number; perPage: number; search?: string }): Promise<ChannelPage> {
  const term = params.search?.trim();
  const where = term ? or(ilike(channels.name, containsPattern(term)), eq(channels.channelId, term)) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(channels).where(where);
  const rows = await db
    .select()
    .from(channels)
    .where(where)
    .orderBy(sql`lower(${channels.name}) asc nulls last`, asc(channels.channelId))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage);
  const counts = await videoCounts(db, rows.map((r) => r.channelId));
  return {
    channels: rows.map((r) => toAdminChannel(r, counts.get(r.channelId) ?? 0)),
    total: Number(total),
    pages: pageCount(Number(total), params.perPage),
    current_page: params.page,
    per_page: params.perPage,
  };
}

export function toAdminChannel(row: Channel, videoCount: number): AdminChannel {
  return {
    channel_id: row.channelId,
    name: row.name,
    description: row.description,
    hidden: row.hidden,
    video_count: videoCount,
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function videoCounts(db: Database, channelIds: string[]): Promise<Map<string, number>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .select({ channelId: videos.channelId, n: count() })
    .from(videos)
    .where(inArray(videos.channelId, channelIds))
    .groupBy(videos.channelId);
  return new Map(rows.map((r) => [r.channelId as string, Number(r.n)]));
}

export type ChannelChanges = { name?: string; description?: string | null; hidden?: boolean };

/**
 * Renames, describes, hides or shows a channel. Only fields that really change are written, and they are
 * audited with the person in one transaction; an edit that changes nothing writes nothing.
 */
export async function updateChannel(db: Database, channelId: string, input: ChannelChanges, userId: string) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(channels).where(eq(channels.channelId, channelId)).for("update");
    if (!current) {
      throw new AppError("not_found", `Channel ${channelId} is not in the catalog. Channels appear when a report that names them is imported.`);
    }
    const changes: FieldChanges = {};
    if (input.name !== undefined && input.name !== current.name) changes.name = [current.name, input.name];
    if (input.description !== undefined && input.description !== current.description) changes.description = [current.description, input.description];
    if (input.hidden !== undefined && input.hidden !== current.hidden) changes.hidden = [current.hidden, input.hidden];
    if (Object.keys(changes).length === 0) return { channel: current, changes };
    const values = Object.fromEntries(Object.entries(changes).map(([field, [, next]]) => [field, next]));
    const [updated] = await tx
      .update(channels)
      .set({ ...values, ...(changes.name ? { renamedAt: new Date() } : {}), updatedAt: new Date() })
      .where(eq(channels.channelId, channelId))
      .returning();
    await recordAdminChange(tx, { userId, sourceId: channelAuditSource(channelId), changes });
    return { channel: updated, changes };
  });
}
