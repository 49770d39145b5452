import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { escapeLiteral } from "pg";
import type { CatalogColumn } from "./contract";
import { orderBy } from "./catalog-sort";
import type { ExportQuery } from "./parse-catalog-query";

// The export's COPY statement (lib/catalog/export-copy.ts): every cell is formatted by PostgreSQL exactly as
// csv-cells.ts writes the keyset path's values, so both paths give the same bytes:
//   text     a leading = + - @ tab or CR gets a ' (CSV injection); '' becomes NULL, because COPY quotes an empty
//            string ("") while csvCell writes nothing for it
//   lists    joined with "; " (as catalog-rows.ts reads them), then treated as text
//   numbers  as text (csvCell's String(number) of an integer); booleans as true/false (COPY alone writes t/f)
//   dates    the same to_char as catalog-rows.ts (ISO 8601, milliseconds, UTC)
// A one-column file writes an empty cell as "" (csvLine does the same so the row is not an empty line).
// Two differences remain: COPY quotes a one-column cell that is exactly \. (PostgreSQL's end-of-data marker;
// a CSV reader gets the same value), and views above 2^53 come out exact where the keyset path rounds them.

type CellKind = "text" | "list" | "number" | "boolean" | "date";

const CELLS: Record<CatalogColumn, [string, CellKind]> = {
  video_id: ["v.video_id", "text"], title: ["v.title", "text"], channel_name: ["COALESCE(c.name, v.channel_name)", "text"],
  channel_id: ["v.channel_id", "text"], asset_id: ["v.asset_id", "text"], custom_id: ["v.custom_id", "text"], upc: ["v.upc", "text"],
  isrc: ["v.isrc", "text"], artist: ["v.artist", "list"], genre: ["v.genre", "list"], label: ["v.label", "text"],
  category: ["v.category", "text"], claimed_status: ["v.claimed_status", "text"], effective_policy: ["v.effective_policy", "text"],
  is_short: ["v.is_short", "boolean"], short_rule: ["v.short_rule", "text"], video_length: ["v.video_length", "number"],
  views: ["v.views", "number"], privacy_status: ["v.privacy_status", "text"], time_published: ["v.time_published", "date"],
  updated_at: ["v.updated_at", "date"], last_synced: ["s.last_synced", "date"], hidden: ["v.hidden", "boolean"],
  administered: ["v.administered", "boolean"], notes: ["v.notes", "text"],
};

// ascii(): = 61, + 43, - 45, @ 64, tab 9, CR 13 (the first character's code point; 0 for an empty string).
const neutralised = (text: string) => `CASE WHEN ascii(${text}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${text} ELSE NULLIF(${text}, '') END`;

function cell(column: CatalogColumn): string {
  const [expression, kind] = CELLS[column];
  if (kind === "text") return neutralised(expression);
  if (kind === "list") return neutralised(`array_to_string(${expression}, '; ')`);
  if (kind === "date") return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `${expression}::text`;
}

/** The latest audit time of every video, aggregated once and hash-joined (a per-row lookup cost ~6 s per million). */
const LAST_SYNCED = sql.raw(
  "LEFT JOIN (SELECT video_id, max(sync_time) AS last_synced FROM metadata_syncs WHERE video_id IS NOT NULL GROUP BY video_id) s ON s.video_id = v.video_id",
);

/** The query's SELECT, for the matches of `where` (catalogWhere of the same query) in the query's order. */
export function exportSelect(query: ExportQuery, where: SQL): SQL {
  const { columns, sort } = query;
  const cells = columns.map((c) => (columns.length === 1 ? `COALESCE(${cell(c)}, '')` : cell(c)));
  return sql`SELECT ${sql.raw(cells.join(", "))}
FROM videos v LEFT JOIN channels c ON c.channel_id = v.channel_id ${columns.includes("last_synced") ? LAST_SYNCED : sql``}
WHERE ${where}
ORDER BY ${orderBy(sort, "v")}`;
}

const dialect = new PgDialect();

/**
 * The COPY statement as one text. COPY takes no bind parameters, so the filters' values are written in as
 * quoted literals (pg's escapeLiteral; every value catalogWhere binds is a string or a number, and a quoted
 * literal takes the column's type as a bound parameter would).
 */
export function exportCopySql(query: ExportQuery, where: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(exportSelect(query, where));
  const inlined = text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value !== "string" && typeof value !== "number") throw new Error(`The export cannot write a ${typeof value} parameter into COPY.`);
    return escapeLiteral(String(value));
  });
  return `COPY (${inlined}) TO STDOUT (FORMAT csv)`;
}
