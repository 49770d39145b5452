import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { CatalogVideo } from "./contract";

// One page or batch of catalog rows, shared by the search and the export so both show the same values.
// The filter, order and limit run on `videos` alone; only the rows that survive are joined to their channel
// and to their latest audit record (a LATERAL probe of metadata_syncs_video_time_idx per row), so the cost of
// the joins follows the page size, never the catalog or the audit trail.

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// Columns are cast to types every driver returns alike (timestamps as ISO text, bigint as float8 → number).
const VIDEO_COLUMNS = sql.raw(`v.video_id, v.title, v.channel_id, v.channel_name, v.asset_id, v.custom_id, v.upc, v.isrc,
  v.artist, v.genre, v.label, v.category, v.claimed_status, v.effective_policy, v.is_short, v.short_rule, v.video_length,
  v.views, v.privacy_status, v.time_published, v.updated_at, v.hidden, v.administered, v.notes`);

export type CatalogRowsOptions = {
  where: SQL;
  orderBy: (alias: string) => SQL;
  limit: number;
  offset?: number;
  /** Also read the latest audit record (the export skips it when last_synced is not a chosen column). */
  withLastSync?: boolean;
  /** The YouTube API is the local sandbox: flag videos that have API data (see `sandbox` below). */
  apiSandbox?: boolean;
  /** Also return each row's sort value as text (`sort_key`), for the export's keyset walk. */
  sortKey?: (alias: string) => SQL;
};

export type CatalogRow = CatalogVideo & { sort_key?: string | null };

// With an offset, the rows skipped are only located (video ids from the sort index; with the default filters an
// index-only scan) and the page's own rows are then read by primary key: reading every skipped row's columns
// made page 5,000 fetch 100,000 random heap pages. Without an offset the rows are read as they are found.
function pageRows(o: CatalogRowsOptions): SQL {
  const slice = sql`WHERE ${o.where} ORDER BY ${o.orderBy("v")} LIMIT ${o.limit} OFFSET ${o.offset ?? 0}`;
  if (!o.offset) return sql`(SELECT ${VIDEO_COLUMNS} FROM videos v ${slice}) p`;
  return sql`(SELECT ${VIDEO_COLUMNS} FROM (SELECT v.video_id FROM videos v ${slice}) k JOIN videos v ON v.video_id = k.video_id) p`;
}

export async function selectCatalogRows(db: Database, o: CatalogRowsOptions): Promise<CatalogRow[]> {
  const withLastSync = o.withLastSync ?? true;
  const lastSync = withLastSync
    ? sql`LEFT JOIN LATERAL (SELECT m.sync_time, m.changes, m.source_kind FROM metadata_syncs m
        WHERE m.video_id = p.video_id ORDER BY m.sync_time DESC, m.id DESC LIMIT 1) s ON true`
    : sql``;
  const lastSyncColumns = withLastSync
    ? sql`${iso("s.sync_time")} AS last_synced, s.changes AS last_changes, s.source_kind AS last_source`
    : sql`NULL AS last_synced, NULL AS last_changes, NULL AS last_source`;
  // Sandbox data is whatever came through the API while the API is the local sandbox: any API record counts,
  // not only the latest record (a later edit by a person does not make the API's values real).
  const sandbox = o.apiSandbox
    ? sql`EXISTS (SELECT 1 FROM metadata_syncs a WHERE a.video_id = p.video_id AND a.source_kind = 'api')`
    : sql`false`;
  const result = await db.execute(sql`
SELECT p.video_id, p.title, p.channel_id, COALESCE(c.name, p.channel_name) AS channel_name, p.asset_id, p.custom_id,
  p.upc, p.isrc, p.artist, p.genre, p.label, p.category, p.claimed_status, p.effective_policy, p.is_short, p.short_rule,
  p.video_length, p.views::float8 AS views, p.privacy_status, ${iso("p.time_published")} AS time_published,
  ${iso("p.updated_at")} AS updated_at, p.hidden, p.administered, p.notes,
  ${lastSyncColumns}, ${sandbox} AS sandbox
  ${o.sortKey ? sql`, ${o.sortKey("p")} AS sort_key` : sql``}
FROM ${pageRows(o)}
LEFT JOIN channels c ON c.channel_id = p.channel_id
${lastSync}
ORDER BY ${o.orderBy("p")}`);
  return result.rows.map(toCatalogRow);
}

function toCatalogRow(row: Record<string, unknown>): CatalogRow {
  const changes = row.last_changes;
  return {
    ...(row as CatalogRow),
    // PGlite, node-postgres and Neon all parse jsonb, but a driver configured to leave it as text would not.
    last_changes: typeof changes === "string" ? JSON.parse(changes) : (changes as CatalogVideo["last_changes"]) ?? null,
    sandbox: row.sandbox === true,
  };
}
