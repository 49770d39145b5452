import { sql, type SQL } from "drizzle-orm";
import type { Pool } from "pg";
import type { Database } from "@/lib/db/client";
import { catalogWhere, hiddenChannelIds } from "./catalog-filters";
import { selectCatalogRows, type CatalogRow } from "./catalog-rows";
import { firstPosition, keysetCondition, nextPart, orderBy, sortKeyExpression, type KeysetPosition } from "./catalog-sort";
import { countMatches, type CatalogTotal } from "./catalog-total";
import { csvLine } from "./csv-cells";
import { copyCatalogCsv } from "./export-copy";
import type { ExportQuery } from "./parse-catalog-query";

// The export (F12): every video matching the catalog's filters, in the catalog's order, as CSV. Rows are read
// in batches by keyset (after the last row's sort value and video id) rather than through a server-side
// cursor: a cursor holds a transaction open for the whole download, which on PGlite (one connection) would
// stop every other request, and keyset batches work the same on PGlite, node-postgres and Neon. The stream
// reads a batch only when the client has taken the one before, so memory stays at two batches however many
// rows match, and a cancelled download (the client went away) stops reading. Only the chosen columns are read
// (and the latest audit record only for last_synced).
// The header row holds the column keys (the names GET /api/videos and `columns=` use), stable for scripts.

export const EXPORT_BATCH_ROWS = 5000;

export function exportFilename(now = new Date()): string {
  return `video_export_${now.toISOString().slice(0, 10)}.csv`;
}

export type CatalogExport = { filename: string; rows: CatalogTotal; body: ReadableStream<Uint8Array> };

export type ExportOptions = {
  batchRows?: number;
  signal?: AbortSignal;
  now?: Date;
  /** node-postgres's pool (DatabaseHandle.pgPool): the rows then come from one COPY (export-copy.ts). */
  pgPool?: Pool;
};

/** Counts the matches (exactly, or the planner's estimate for very large sets) and opens the CSV stream. */
export async function exportCatalog(db: Database, query: ExportQuery, options: ExportOptions = {}): Promise<CatalogExport> {
  // The hidden channels are read once: the whole file follows the catalog as it was when the export began.
  const where = catalogWhere(query, query.hidden === "all" ? [] : await hiddenChannelIds(db));
  const rows = await countMatches(db, where);
  const body = options.pgPool ? copyCatalogCsv(options.pgPool, query, where, options) : catalogCsv(db, query, where, options);
  return { filename: exportFilename(options.now), rows, body };
}

/** The CSV of every row matching `where` (catalogWhere of the same query), in the query's order. */
export function catalogCsv(db: Database, query: ExportQuery, where: SQL, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const batchRows = options.batchRows ?? EXPORT_BATCH_ROWS;
  const { columns, sort } = query;
  const encoder = new TextEncoder();
  let position: KeysetPosition | null = firstPosition(sort);
  let next: Promise<CatalogRow[] | null> | null = null;
  let sentHeader = false;
  let cancelled = false;
  options.signal?.addEventListener("abort", () => (cancelled = true), { once: true });

  async function readBatch(): Promise<CatalogRow[] | null> {
    while (position && !cancelled) {
      const at: KeysetPosition = position;
      const rows = await selectCatalogRows(db, {
        where: sql`${where} AND ${keysetCondition(sort, at)}`,
        orderBy: (alias) => orderBy(sort, alias),
        limit: batchRows,
        columns,
        sortKey: (alias) => sortKeyExpression(sort, alias),
      });
      const last = rows.at(-1);
      position = rows.length < batchRows ? nextPart(sort, at.part) : { part: at.part, key: last?.sort_key ?? null, videoId: last?.video_id ?? null };
      if (rows.length > 0) return rows;
    }
    return null;
  }
  // The next batch is asked for before this one is written out, so the database reads while JavaScript formats
  // (two batches in memory at most). The catch only marks the promise as handled until pull awaits it.
  function readAhead(): void {
    next = readBatch();
    next.catch(() => {});
  }

  return new ReadableStream<Uint8Array>({
    start() {
      readAhead();
    },
    async pull(controller) {
      if (!sentHeader) {
        sentHeader = true;
        return controller.enqueue(encoder.encode(csvLine(columns)));
      }
      const rows = await (next ?? Promise.resolve(null)).catch((error: unknown) => {
        // The download ends short; say why in the server log (the client only sees a broken transfer).
        console.error("[export] reading the catalog failed:", error);
        throw error;
      });
      // Aborted request: end the stream (error() is a no-op when the reader already cancelled it).
      if (cancelled) return controller.error(new Error("The export was cancelled."));
      if (rows === null) return controller.close();
      readAhead();
      controller.enqueue(encoder.encode(rows.map((row) => csvLine(columns.map((c) => row[c]))).join("")));
    },
    cancel() {
      cancelled = true;
    },
  });
}
