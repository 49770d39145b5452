import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

type Executor = Pick<Database, "execute">;

/**
 * An index as PostgreSQL itself would create it again (pg_get_indexdef), with the table it belongs to and its
 * first key column (null when that is an expression).
 */
export type IndexDefinition = { table: string; name: string; definition: string; firstColumn: string | null };

/**
 * The indexes of these tables that only speed up reads: neither primary keys nor unique indexes (those are
 * constraints and the arbiters of ON CONFLICT, so they always stay). Names as stored, in the current schema.
 */
export async function secondaryIndexes(db: Executor, tables: readonly string[]): Promise<IndexDefinition[]> {
  const result = await db.execute(sql`
SELECT t.relname AS "table", i.relname AS name, pg_get_indexdef(i.oid) AS definition, a.attname AS "firstColumn"
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
  AND t.relname IN (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})
  AND NOT x.indisunique AND NOT x.indisprimary AND x.indisvalid
ORDER BY t.relname, i.relname`);
  return result.rows as IndexDefinition[];
}

export async function dropIndexes(db: Executor, indexes: readonly IndexDefinition[]): Promise<void> {
  if (indexes.length === 0) return;
  await db.execute(sql`DROP INDEX IF EXISTS ${sql.join(indexes.map((i) => sql.identifier(i.name)), sql`, `)}`);
}

/** Those of `indexes` that do not exist (any more) in the current schema. */
export async function missingIndexes(db: Executor, indexes: readonly IndexDefinition[]): Promise<IndexDefinition[]> {
  if (indexes.length === 0) return [];
  const result = await db.execute(sql`
SELECT relname AS name FROM pg_class
WHERE relkind = 'i' AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
  AND relname IN (${sql.join(indexes.map((i) => sql`${i.name}`), sql`, `)})`);
  const present = new Set((result.rows as { name: string }[]).map((r) => r.name));
  return indexes.filter((i) => !present.has(i.name));
}

/**
 * The recorded definition made idempotent: a retried or resumed build skips what an earlier attempt finished (a
 * CREATE INDEX that was interrupted leaves nothing behind, since it is transactional).
 */
export function createIfMissingStatement(index: IndexDefinition): string {
  const statement = index.definition.replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS )/, "CREATE $1INDEX IF NOT EXISTS ");
  if (statement === index.definition && !/^CREATE (UNIQUE )?INDEX IF NOT EXISTS /.test(statement)) {
    throw new Error(`Unexpected index definition for ${index.name}: ${index.definition}`);
  }
  return statement;
}

/**
 * Relative cost of building an index, to start the longest first when several connections build side by side: a
 * trigram GIN index extracts dozens of entries per row and took as long as all the b-trees of the same table.
 */
export function buildWeight(index: IndexDefinition): number {
  if (/gin_trgm_ops/.test(index.definition)) return 10;
  if (/USING gin/.test(index.definition)) return 1;
  return 1 + (index.definition.match(/,/g)?.length ?? 0) * 0.3;
}
