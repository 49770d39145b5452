import type { Pool } from "pg";
import { copyText, openCopyLines } from "@/lib/db/copy-lines";
import { toPgArrayLiteral } from "./pg-array-literal";
import type { StagingColumn, StagingInput } from "./staging-columns";
import type { StagingSink } from "./staging-writer";

// COPY's text format; \N is NULL.
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  return copyText(Array.isArray(value) ? toPgArrayLiteral(value) : typeof value === "boolean" ? (value ? "t" : "f") : String(value));
}

/**
 * Streams staged rows into one COPY on node-postgres, naming only the columns the report can fill. Rows are
 * written while the report is still being read, so JavaScript parses on one core while PostgreSQL stores on the
 * other; `add` waits when the socket is full.
 */
export async function openCopySink(pool: Pool, reportId: number, columns: StagingColumn[]): Promise<StagingSink> {
  const columnList = ["report_id", ...columns.map((c) => c.name)].join(", ");
  const writer = await openCopyLines(pool, `COPY import_staging (${columnList}) FROM STDIN`);
  const fields: string[] = new Array(columns.length + 1);
  fields[0] = String(reportId);
  return {
    add: async (rows: Iterable<StagingInput>) => {
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) fields[i + 1] = copyField(columns[i].value(row));
        const full = writer.push(fields.join("\t"));
        if (full) await full;
      }
    },
    finish: writer.finish,
    abort: writer.abort,
  };
}
