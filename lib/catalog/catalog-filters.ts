import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { toPgArrayLiteral } from "@/lib/import/stage/pg-array-literal";
import type { CatalogFilters } from "./parse-catalog-query";

// The WHERE clause of the catalog (F10) over `videos v`, values always bound. Each filter is written so an
// existing index can serve it:
//   search          v.title ILIKE '%term%'                 → videos_title_trgm_idx (gin trigram, terms ≥ 3 chars)
//   channel_search  channel ids whose name matches         → channels_name_trgm_idx, then videos_channel_id_idx
//   video_id …      exact, case-sensitive (ids are)        → primary key / videos_asset_id_idx / videos_custom_id_idx
//   category …      exact, case-sensitive (the values the catalog shows) → videos_category_idx, videos_policy_idx
//   genre           array contains                         → videos_genre_idx (gin)
//   duration        ranges of video_length                 → videos_length_idx
//   updated_since   updated_at >= moment                   → videos_updated_at_idx
//   hidden          flags on the video and its channel     → read from the sort indexes (see hiddenCondition)
// Channel search goes through `channels` (the name people see, renames included): a video without a channel
// row is not found by it. `is_short=no` means "not known to be a Short" (false or not decided).

export const DURATION_SECONDS = { short: [null, 239], medium: [240, 1200], long: [1201, null] } as const;

/** `%term%` for ILIKE with the term's own % _ \ taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

const yesNo = (value: "yes" | "no" | undefined, yes: SQL, no: SQL): SQL | undefined =>
  value === undefined ? undefined : value === "yes" ? yes : no;

function durationCondition(duration: CatalogFilters["duration"]): SQL | undefined {
  if (!duration) return undefined;
  const [min, max] = DURATION_SECONDS[duration];
  if (min === null) return sql`v.video_length <= ${max}`;
  if (max === null) return sql`v.video_length >= ${min}`;
  return sql`v.video_length BETWEEN ${min} AND ${max}`;
}

/** The channels an admin hid; read once per request (or export) and passed to catalogWhere. */
export async function hiddenChannelIds(db: Pick<Database, "execute">): Promise<string[]> {
  const result = await db.execute(sql`SELECT channel_id FROM channels WHERE hidden`);
  return result.rows.map((r) => String(r.channel_id));
}

// A hidden channel hides its videos (F13) without touching their own flag, so "show again" restores them.
// The hidden channels come as a list of values rather than a subquery: the planner then estimates the
// condition from the column's statistics (the total of a large match set is that estimate), it is a hashed
// lookup per row, and with the sort indexes' trailing columns a deep page is read from the index alone.
function hiddenCondition(hidden: CatalogFilters["hidden"], channelIds: string[]): SQL | undefined {
  const ids = sql`${toPgArrayLiteral(channelIds)}::text[]`;
  if (hidden === "no") {
    return channelIds.length === 0 ? sql`NOT v.hidden` : sql`NOT v.hidden AND (v.channel_id IS NULL OR v.channel_id <> ALL(${ids}))`;
  }
  if (hidden === "yes") return channelIds.length === 0 ? sql`v.hidden` : sql`(v.hidden OR v.channel_id = ANY(${ids}))`;
  return undefined;
}

/** Every filter that is set, joined with AND; `true` when none is. `hiddenChannels`: see hiddenChannelIds. */
export function catalogWhere(f: CatalogFilters, hiddenChannels: string[]): SQL {
  const conditions = [
    f.search ? sql`v.title ILIKE ${containsPattern(f.search)}` : undefined,
    f.channel_search
      ? sql`v.channel_id IN (SELECT c.channel_id FROM channels c WHERE c.name ILIKE ${containsPattern(f.channel_search)})`
      : undefined,
    f.video_id ? sql`v.video_id = ${f.video_id}` : undefined,
    f.asset_id ? sql`v.asset_id = ${f.asset_id}` : undefined,
    f.custom_id ? sql`v.custom_id = ${f.custom_id}` : undefined,
    yesNo(f.has_asset_id, sql`v.asset_id IS NOT NULL`, sql`v.asset_id IS NULL`),
    f.category ? sql`v.category = ${f.category}` : undefined,
    durationCondition(f.duration),
    f.policy ? sql`v.effective_policy = ${f.policy}` : undefined,
    f.claimed_status ? sql`v.claimed_status = ${f.claimed_status}` : undefined,
    yesNo(f.is_short, sql`v.is_short IS TRUE`, sql`v.is_short IS NOT TRUE`),
    f.genre ? sql`v.genre @> ARRAY[${f.genre}]::text[]` : undefined,
    yesNo(f.has_upc, sql`v.upc IS NOT NULL`, sql`v.upc IS NULL`),
    yesNo(f.has_isrc, sql`v.isrc IS NOT NULL`, sql`v.isrc IS NULL`),
    f.label ? sql`v.label = ${f.label}` : undefined,
    f.updated_since ? sql`v.updated_at >= ${f.updated_since.toISOString()}::timestamptz` : undefined,
    hiddenCondition(f.hidden, hiddenChannels),
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`;
}
