import type { SQL } from "drizzle-orm";
import type { Pool, PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { csvLine } from "./csv-cells";
import { exportCopySql } from "./export-copy-sql";
import type { ExportQuery } from "./parse-catalog-query";

// The export on node-postgres: one `COPY (SELECT …) TO STDOUT (FORMAT csv)` on a pooled connection, with every
// cell formatted by PostgreSQL (export-copy-sql.ts), instead of keyset batches formatted in JavaScript: about
// twice the rows per second, and the latest audit time comes from one hash-joined aggregate rather than a
// lookup per row. PGlite and Neon keep the keyset walk (export-csv.ts): PGlite has one connection that a long
// COPY would hold, and the Neon driver has no COPY stream.
// The web stream pulls one chunk at a time from the COPY stream, whose reads pause the socket when nobody
// takes them, so memory stays flat. A cancelled download destroys the COPY and hands the connection back as
// broken, so the pool closes it and the server stops the query.

const CR_LF = Buffer.from("\r\n");
/** Socket reads (~64 kB) are gathered into chunks of about this size: fewer, larger writes downstream. */
const CHUNK_BYTES = 1 << 20;

/**
 * COPY ends rows with LF; csvLine with CRLF (RFC 4180). Rewrites each row end, but not a line break inside a
 * quoted cell: it tracks whether it is inside quotes across chunks (a doubled quote closes and reopens).
 */
export function crlfRows(): (chunk: Buffer) => Buffer {
  let quoted = false;
  return (chunk) => {
    const parts: Buffer[] = [];
    let from = 0;
    let at = 0;
    let quote = -2;
    let lf = -2;
    // A cached position stays valid while it is ahead of `at`; -1 (none left in the chunk) stays valid for good.
    const next = (byte: number, cached: number) => (cached === -1 || cached >= at ? cached : chunk.indexOf(byte, at));
    while (at < chunk.length) {
      quote = next(34, quote);
      if (quoted) {
        if (quote < 0) break;
        quoted = false;
        at = quote + 1;
        continue;
      }
      lf = next(10, lf);
      if (quote >= 0 && (lf < 0 || quote < lf)) {
        quoted = true;
        at = quote + 1;
        continue;
      }
      if (lf < 0) break;
      parts.push(chunk.subarray(from, lf), CR_LF);
      from = at = lf + 1;
    }
    if (parts.length === 0) return chunk;
    parts.push(chunk.subarray(from));
    return Buffer.concat(parts);
  };
}

export type CopyExportOptions = { signal?: AbortSignal };

/** The CSV of every row matching `where` (catalogWhere of the same query), in the query's order, via COPY. */
export function copyCatalogCsv(pool: Pool, query: ExportQuery, where: SQL, options: CopyExportOptions = {}): ReadableStream<Uint8Array> {
  const copySql = exportCopySql(query, where);
  const toCrlf = crlfRows();
  let client: PoolClient | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  let released = false;
  let stopped = false;

  // An error hands the connection back as broken (the pool closes it): it may be mid-COPY.
  const release = (error?: Error) => {
    if (released || !client) return;
    released = true;
    client.release(error);
  };
  const stop = (reason: Error) => {
    if (stopped) return;
    stopped = true;
    // return() destroys the COPY stream; a pending read ends instead of waiting for data.
    void chunks?.return?.().catch(() => {});
    release(reason);
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(Buffer.from(csvLine(query.columns)));
      const abort = () => {
        stop(new Error("The export was cancelled."));
        controller.error(new Error("The export was cancelled."));
      };
      if (options.signal?.aborted) return abort();
      options.signal?.addEventListener("abort", abort, { once: true });
      client = await pool.connect();
      if (stopped) return release(new Error("The export was cancelled."));
      chunks = client.query(copyTo(copySql))[Symbol.asyncIterator]();
    },
    async pull(controller) {
      const parts: Buffer[] = [];
      let bytes = 0;
      let done = false;
      while (!stopped && chunks && !done && bytes < CHUNK_BYTES) {
        try {
          const step = await chunks.next();
          done = step.done === true;
          if (!done) {
            parts.push(toCrlf(step.value));
            bytes += step.value.length;
          }
        } catch (error) {
          if (stopped) return;
          // The download ends short; say why in the server log (the client only sees a broken transfer).
          console.error("[export] the COPY of the catalog failed:", error);
          stop(error as Error);
          throw error;
        }
      }
      if (stopped) return;
      if (bytes > 0) controller.enqueue(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      if (done) {
        stopped = true;
        release();
        controller.close();
      }
    },
    cancel() {
      stop(new Error("The export was cancelled."));
    },
  });
}
