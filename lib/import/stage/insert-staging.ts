import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { toPgArrayLiteral } from "./pg-array-literal";
import { stagingColumns, type StagingInput } from "./staging-columns";
import type { StagingSink } from "./staging-writer";

type Executor = Pick<Database, "execute">;

const ROWS_PER_STATEMENT = 5000;

// text[] columns travel as JSON text inside the text[] parameter (unnest would flatten a 2-D array).
function selectExpression(column: (typeof stagingColumns)[number], index: number): string {
  const ref = `u.c${index}`;
  if (column.type === "text[]") return `CASE WHEN ${ref} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(${ref}::jsonb)) END`;
  return ref;
}

const insertColumns = ["report_id", ...stagingColumns.map((c) => c.name)].join(", ");
const selectList = stagingColumns.map(selectExpression).join(", ");
const unnestTypes = stagingColumns.map((c) => (c.type === "text[]" ? "text" : c.type));

/** Inserts staged rows in a few large statements: one array parameter per column, unnested server-side. */
export async function insertStagingRows(db: Executor, reportId: number, rows: StagingInput[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: SQL[] = stagingColumns.map((column, i) => {
      const literal = toPgArrayLiteral(slice.map((row) => column.value(row) ?? null));
      return sql`${literal}::${sql.raw(unnestTypes[i])}[]`;
    });
    const aliases = stagingColumns.map((_, i) => `c${i}`).join(", ");
    await db.execute(sql`
INSERT INTO import_staging (${sql.raw(insertColumns)})
SELECT ${reportId}::int, ${sql.raw(selectList)}
FROM unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(aliases)})`);
  }
}

/** Buffers rows and inserts them a statement's worth at a time (drivers without COPY). */
export function openInsertSink(db: Executor, reportId: number): StagingSink {
  let pending: StagingInput[] = [];
  return {
    add: async (rows) => {
      for (const row of rows) pending.push(row);
      if (pending.length >= ROWS_PER_STATEMENT) {
        const full = pending;
        pending = [];
        await insertStagingRows(db, reportId, full);
      }
    },
    finish: async () => {
      const rest = pending;
      pending = [];
      await insertStagingRows(db, reportId, rest);
    },
    abort: async () => {
      pending = [];
    },
  };
}
