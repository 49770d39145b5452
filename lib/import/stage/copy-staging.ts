import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { toPgArrayLiteral } from "./pg-array-literal";
import { stagingColumns, type StagingInput } from "./staging-columns";

const NEEDS_ESCAPE = /[\\\t\n\r]/;

// COPY's text format: backslash escapes for the characters that delimit rows and columns; \N is NULL.
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = Array.isArray(value) ? toPgArrayLiteral(value) : typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  // Most cells need no escaping; testing once is far cheaper than four replaces per cell.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function* copyLines(reportId: number, rows: StagingInput[], batch = 2000): Generator<string> {
  let buffer = "";
  for (let i = 0; i < rows.length; i++) {
    let line = String(reportId);
    for (const column of stagingColumns) line += "\t" + copyField(column.value(rows[i]));
    buffer += line + "\n";
    if ((i + 1) % batch === 0) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** Loads staged rows with COPY FROM STDIN on node-postgres: several times faster than INSERT for big reports. */
export async function copyStagingRows(pool: Pool, reportId: number, rows: StagingInput[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = ["report_id", ...stagingColumns.map((c) => c.name)].join(", ");
  const client = await pool.connect();
  try {
    const stream = client.query(copyFrom(`COPY import_staging (${columns}) FROM STDIN`));
    await pipeline(Readable.from(copyLines(reportId, rows)), stream);
  } finally {
    client.release();
  }
}
