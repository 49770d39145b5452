import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { CatalogColumn, CatalogVideo } from "./contract";

// One page or batch of catalog rows, shared by the search and the export so both show the same values.
// The filter, order and limit run on `videos` alone; only the rows that survive are joined to their channel
// and to their latest audit record (a LATERAL probe of metadata_syncs_video_time_idx per row), so the cost of
// the joins follows the page size, never the catalog or the audit trail.

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Each column as read from the page's rows `p`, its channel `c` and its latest audit record `s`, cast to types
// every driver returns alike (timestamps as ISO text, bigint as float8, which every driver returns as a number).
// The channel's own name wins over the one the video's last report gave: admins rename channels (F13).
const COLUMN_SQL: Record<CatalogColumn, string> = {
  video_id: "p.video_id", title: "p.title", channel_name: "COALESCE(c.name, p.channel_name)", channel_id: "p.channel_id",
  asset_id: "p.asset_id", custom_id: "p.custom_id", upc: "p.upc", isrc: "p.isrc", artist: "p.artist", genre: "p.genre",
  label: "p.label", category: "p.category", claimed_status: "p.claimed_status", effective_policy: "p.effective_policy",
  is_short: "p.is_short", short_rule: "p.short_rule", video_length: "p.video_length", views: "p.views::float8",
  privacy_status: "p.privacy_status", time_published: iso("p.time_published"), updated_at: iso("p.updated_at"),
  last_synced: iso("s.sync_time"), hidden: "p.hidden", administered: "p.administered", notes: "p.notes",
};
export const ALL_COLUMNS = Object.keys(COLUMN_SQL) as CatalogColumn[];

const VIDEO_COLUMNS = sql.raw(`v.video_id, v.title, v.channel_id, v.channel_name, v.asset_id, v.custom_id, v.upc, v.isrc,
  v.artist, v.genre, v.label, v.category, v.claimed_status, v.effective_policy, v.is_short, v.short_rule, v.video_length,
  v.views, v.privacy_status, v.time_published, v.updated_at, v.hidden, v.administered, v.notes`);

export type CatalogRowsOptions = {
  where: SQL;
  orderBy: (alias: string) => SQL;
  limit: number;
  offset?: number;
  /**
   * The columns to read, for the export (lists come joined with "; "); the search reads every column and the
   * latest audit record.
   */
  columns?: readonly CatalogColumn[];
  /** The YouTube API is the local sandbox: flag videos that have API data (see `sandbox` below). */
  apiSandbox?: boolean;
  /** Also return each row's sort value as text (`sort_key`), for the export's keyset walk. */
  sortKey?: (alias: string) => SQL;
};

export type CatalogRow = Partial<CatalogVideo> & { video_id: string; sort_key?: string | null };

// With an offset, the rows skipped are only located (video ids from the sort index; with the default filters an
// index-only scan) and the page's own rows are then read by primary key: reading every skipped row's columns
// made page 5,000 fetch 100,000 random heap pages. Without an offset the rows are read as they are found.
function pageRows(o: CatalogRowsOptions): SQL {
  const slice = sql`WHERE ${o.where} ORDER BY ${o.orderBy("v")} LIMIT ${o.limit} OFFSET ${o.offset ?? 0}`;
  if (!o.offset) return sql`(SELECT ${VIDEO_COLUMNS} FROM videos v ${slice}) p`;
  return sql`(SELECT ${VIDEO_COLUMNS} FROM (SELECT v.video_id FROM videos v ${slice}) k JOIN videos v ON v.video_id = k.video_id) p`;
}

function selectList(o: CatalogRowsOptions): { list: SQL; lastSync: "none" | "time" | "record" } {
  if (o.columns) {
    const columns = o.columns.includes("video_id") ? o.columns : ["video_id" as const, ...o.columns];
    // Lists arrive already joined as the file writes them: parsing array literals was a tenth of the export's time.
    const list = columns.map((c) => `${c === "artist" || c === "genre" ? `array_to_string(p.${c}, '; ')` : COLUMN_SQL[c]} AS ${c}`).join(", ");
    return { list: sql.raw(list), lastSync: columns.includes("last_synced") ? "time" : "none" };
  }
  // Sandbox data is whatever came through the API while the API is the local sandbox: any API record counts,
  // not only the latest record (a later edit by a person does not make the API's values real).
  const sandbox = o.apiSandbox
    ? sql`EXISTS (SELECT 1 FROM metadata_syncs a WHERE a.video_id = p.video_id AND a.source_kind = 'api')`
    : sql`false`;
  const all = sql.raw(ALL_COLUMNS.map((c) => `${COLUMN_SQL[c]} AS ${c}`).join(", "));
  return { list: sql`${all}, s.changes AS last_changes, s.source_kind AS last_source, ${sandbox} AS sandbox`, lastSync: "record" };
}

export async function selectCatalogRows(db: Database, o: CatalogRowsOptions): Promise<CatalogRow[]> {
  const { list, lastSync } = selectList(o);
  const lastSyncJoin =
    lastSync === "none"
      ? sql``
      : sql`LEFT JOIN LATERAL (SELECT m.sync_time ${lastSync === "record" ? sql`, m.changes, m.source_kind` : sql``}
          FROM metadata_syncs m WHERE m.video_id = p.video_id ORDER BY m.sync_time DESC NULLS LAST LIMIT 1) s ON true`;
  const result = await db.execute(sql`
SELECT ${list} ${o.sortKey ? sql`, ${o.sortKey("p")} AS sort_key` : sql``}
FROM ${pageRows(o)}
LEFT JOIN channels c ON c.channel_id = p.channel_id
${lastSyncJoin}
ORDER BY ${o.orderBy("p")}`);
  return result.rows as CatalogRow[];
}

/** A full row of the search, as the contract types it. */
export function toCatalogVideo(row: CatalogRow): CatalogVideo {
  const changes = row.last_changes as unknown;
  return {
    ...(row as CatalogVideo),
    // PGlite, node-postgres and Neon all parse jsonb, but a driver configured to leave it as text would not.
    last_changes: typeof changes === "string" ? JSON.parse(changes) : (changes as CatalogVideo["last_changes"]) ?? null,
    last_source: row.last_source ?? null,
    sandbox: row.sandbox === true,
  };
}
