import { sql, type SQL } from "drizzle-orm";
import type { SortField } from "./contract";
import type { CatalogSort } from "./parse-catalog-query";

// ORDER BY for the catalog and the export's keyset walk. Each sort matches one b-tree `(column NULLS FIRST,
// video_id)` (lib/db/schema/videos.ts): read forwards it gives `ASC NULLS FIRST, video_id ASC`, backwards
// `DESC NULLS LAST, video_id DESC`, so the first page of any sort is the first entries of an index, and ties
// (a whole import shares one updated_at) keep a stable order without sorting the tie group.

type SortColumn = { expression: (alias: string) => string; type: "timestamptz" | "bigint" | "integer" | "text"; nullable: boolean };

const SORT_COLUMNS: Record<SortField, SortColumn> = {
  updated_at: { expression: (a) => `${a}.updated_at`, type: "timestamptz", nullable: false },
  time_published: { expression: (a) => `${a}.time_published`, type: "timestamptz", nullable: true },
  views: { expression: (a) => `${a}.views`, type: "bigint", nullable: true },
  video_length: { expression: (a) => `${a}.video_length`, type: "integer", nullable: true },
  // Titles sort by their first 200 characters (YouTube allows 100): the index holds that prefix, because a
  // b-tree entry cannot exceed ~2.7 kB and an odd report with a longer title must not fail its import.
  title: { expression: (a) => `left(${a}.title, 200)`, type: "text", nullable: true },
};

const col = (alias: string, sort: CatalogSort) => sql.raw(SORT_COLUMNS[sort.field].expression(alias));
const dir = (sort: CatalogSort) => sql.raw(sort.direction === "asc" ? "ASC NULLS FIRST" : "DESC NULLS LAST");
const idDir = (sort: CatalogSort) => sql.raw(sort.direction === "asc" ? "ASC" : "DESC");

export function orderBy(sort: CatalogSort, alias = "v"): SQL {
  return sql`${col(alias, sort)} ${dir(sort)}, ${sql.raw(alias)}.video_id ${idDir(sort)}`;
}

/** The sort value as text, for the keyset cursor (full precision: timestamps keep their microseconds). */
export function sortKeyExpression(sort: CatalogSort, alias = "v"): SQL {
  return sql`${col(alias, sort)}::text`;
}

/**
 * Where the walk stands: in the rows whose sort value is missing (`nulls`) or present (`values`), after the
 * row with this key and id (none yet at the start of a part). Ascending walks nulls then values, descending
 * values then nulls; each part is one index range, so a batch never rescans what earlier batches read (a
 * single `(key, id) > (…) OR key IS NULL` condition would not be an index range).
 */
export type KeysetPosition = { part: "nulls" | "values"; key: string | null; videoId: string | null };

export function firstPosition(sort: CatalogSort): KeysetPosition {
  const nullsFirst = sort.direction === "asc" && SORT_COLUMNS[sort.field].nullable;
  return { part: nullsFirst ? "nulls" : "values", key: null, videoId: null };
}

/** The part after this one, or null when the walk is done. */
export function nextPart(sort: CatalogSort, part: KeysetPosition["part"]): KeysetPosition | null {
  if (!SORT_COLUMNS[sort.field].nullable) return null;
  if (sort.direction === "asc") return part === "nulls" ? { part: "values", key: null, videoId: null } : null;
  return part === "values" ? { part: "nulls", key: null, videoId: null } : null;
}

export function keysetCondition(sort: CatalogSort, at: KeysetPosition, alias = "v"): SQL {
  const c = col(alias, sort);
  const id = sql.raw(`${alias}.video_id`);
  const after = sql.raw(sort.direction === "asc" ? ">" : "<");
  if (at.part === "nulls") {
    return at.videoId === null ? sql`${c} IS NULL` : sql`${c} IS NULL AND ${id} ${after} ${at.videoId}`;
  }
  const present = SORT_COLUMNS[sort.field].nullable ? sql`${c} IS NOT NULL` : sql`true`;
  if (at.videoId === null) return present;
  const key = sql`${at.key}::${sql.raw(SORT_COLUMNS[sort.field].type)}`;
  return sql`${present} AND (${c}, ${id}) ${after} (${key}, ${at.videoId})`;
}
