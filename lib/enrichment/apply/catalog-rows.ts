import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { assets, metadataSyncs, videos, type FieldChanges, type NewMetadataSync } from "@/lib/db/schema";
import { toPgArrayLiteral } from "@/lib/import/stage/pg-array-literal";
import type { Tx } from "@/lib/videos/edit-transaction";

// Reads and writes catalog rows by column name (the names audit records use), so one diff drives the UPDATE and
// the audit record alike, for videos and assets.

type CatalogTable = typeof videos | typeof assets;
type Row = Record<string, unknown>;

const TABLES = { videos, assets } as const;
export type CatalogTableName = keyof typeof TABLES;
const KEY_COLUMN: Record<CatalogTableName, string> = { videos: "video_id", assets: "asset_id" };

function columnsByName(table: CatalogTable) {
  return new Map(Object.values(getTableColumns(table)).map((column) => [column.name, column]));
}
const COLUMNS = { videos: columnsByName(videos), assets: columnsByName(assets) };

function column(table: CatalogTableName, name: string) {
  const found = COLUMNS[table].get(name);
  if (!found) throw new Error(`${table} has no column ${name}`);
  return found;
}

/** The named columns (plus the key) of the rows matching `where`, keyed by column name. */
export async function readRows(tx: Tx, table: CatalogTableName, where: SQL, columns: readonly string[]): Promise<Row[]> {
  const names = [...new Set([KEY_COLUMN[table], ...columns])];
  const selection = Object.fromEntries(names.map((name) => [name, column(table, name)]));
  return tx.select(selection).from(TABLES[table] as CatalogTable).where(where);
}

/**
 * `column = ANY(one array parameter)`: an asset may be claimed by tens of thousands of videos, and one bind
 * parameter per id would run into the protocol's 65,535-parameter limit.
 */
export function isAnyOf(table: CatalogTableName, name: string, values: readonly string[]): SQL {
  return sql`${column(table, name)} = ANY(${toPgArrayLiteral(values)}::text[])`;
}

/** Rows by key, for the given keys. */
export async function readRowsByKey(tx: Tx, table: CatalogTableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, Row>> {
  if (keys.length === 0) return new Map();
  const rows = await readRows(tx, table, isAnyOf(table, KEY_COLUMN[table], keys), columns);
  return new Map(rows.map((row) => [String(row[KEY_COLUMN[table]]), row]));
}

/**
 * Writes each row's changed columns in one statement: jsonb_populate_record overlays the row's patch on its
 * current values, so columns a row did not change keep theirs. updated_at moves, which also tells the import's
 * re-import check (lib/import/fingerprint) that the row is no longer what the last report left.
 */
export async function writeChanges(tx: Tx, table: CatalogTableName, rows: { id: string; changes: FieldChanges }[]): Promise<void> {
  const changed = rows.filter((r) => Object.keys(r.changes).length > 0);
  if (changed.length === 0) return;
  const names = [...new Set(changed.flatMap((r) => Object.keys(r.changes)))];
  names.forEach((name) => column(table, name)); // only real column names reach the SQL text below
  const patches = changed.map((r) => ({ id: r.id, patch: Object.fromEntries(Object.entries(r.changes).map(([k, [, next]]) => [k, next])) }));
  const targets = sql.raw(names.join(", "));
  const values = sql.raw(names.map((n) => `r.${n}`).join(", "));
  await tx.execute(sql`
    UPDATE ${sql.raw(table)} t SET (${targets}, updated_at) = (SELECT ${values}, now() FROM jsonb_populate_record(t, p.patch) r)
    FROM jsonb_to_recordset(${JSON.stringify(patches)}::jsonb) AS p(id text, patch jsonb)
    WHERE t.${sql.raw(KEY_COLUMN[table])} = p.id`);
}

const AUDIT_CHUNK = 500;

export async function insertAuditRecords(tx: Tx, records: NewMetadataSync[]): Promise<void> {
  for (let i = 0; i < records.length; i += AUDIT_CHUNK) await tx.insert(metadataSyncs).values(records.slice(i, i + AUDIT_CHUNK));
}

/** The API answered for these videos (changed or not). */
export async function markVideosSynced(tx: Tx, videoIds: readonly string[], at: Date): Promise<void> {
  if (videoIds.length === 0) return;
  await tx.update(videos).set({ apiSyncedAt: at }).where(isAnyOf("videos", "video_id", videoIds));
}
