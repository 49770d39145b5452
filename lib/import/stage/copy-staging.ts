import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { toPgArrayLiteral } from "./pg-array-literal";
import type { StagingColumn, StagingInput } from "./staging-columns";
import type { StagingSink } from "./staging-writer";

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** Bytes handed to the socket at a time: large enough to amortise the write, small enough to keep memory flat. */
const FLUSH_AT = 1 << 20;

// COPY's text format: backslash escapes for the characters that delimit rows and columns; \N is NULL.
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = Array.isArray(value) ? toPgArrayLiteral(value) : typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  // Most cells need no escaping; testing once is far cheaper than four replaces per cell.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * Streams staged rows into one COPY FROM STDIN on node-postgres, naming only the columns the report can fill. Rows are written while the report is still being
 * read, so JavaScript parses on one core while PostgreSQL stores on the other; `add` waits when the socket is full.
 */
export async function openCopySink(pool: Pool, reportId: number, columns: StagingColumn[]): Promise<StagingSink> {
  const columnList = ["report_id", ...columns.map((c) => c.name)].join(", ");
  const client = await pool.connect();
  const stream = client.query(copyFrom(`COPY import_staging (${columnList}) FROM STDIN`));
  // Lines are joined once per flush and fields once per line: building them with += made millions of short-lived
  // string pieces, and garbage collection then cost more than the parsing.
  let lines: string[] = [];
  let pendingBytes = 0;
  const fields: string[] = new Array(columns.length + 1);
  fields[0] = String(reportId);
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  const flush = async () => {
    lines.push("");
    const ok = stream.write(lines.join("\n"));
    lines = [];
    pendingBytes = 0;
    if (!ok) await once(stream, "drain");
  };
  return {
    add: async (rows: Iterable<StagingInput>) => {
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) fields[i + 1] = copyField(columns[i].value(row));
        const line = fields.join("\t");
        lines.push(line);
        pendingBytes += line.length + 1;
      }
      if (pendingBytes >= FLUSH_AT) await flush();
    },
    finish: async () => {
      try {
        if (lines.length) await flush();
        stream.end();
        await finished(stream);
        release();
      } catch (error) {
        release(error as Error);
        throw error;
      }
    },
    abort: async (error: Error) => {
      stream.destroy(error);
      // The connection is mid-COPY: hand it back as broken so the pool closes it.
      release(error);
    },
  };
}
