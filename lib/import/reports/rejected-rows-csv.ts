import Papa from "papaparse";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reportRowsRejected } from "@/lib/db/schema";

const PAGE = 5000;
const header = ["line", "column", "value", "reason", "raw_row"];

function toCsv(rows: unknown[][]): string {
  // escapeFormulae: cells starting with = + - @ are neutralised so spreadsheets do not execute them.
  return Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" }) + "\r\n";
}

/** The raw row is stored as JSON (its cells by column); it goes out as the original CSV line would read. */
function rawLine(raw: string | null): string {
  if (!raw) return "";
  const parsed = JSON.parse(raw) as string[] | Record<string, string>;
  return Papa.unparse([Array.isArray(parsed) ? parsed : Object.values(parsed)], { newline: "" });
}

/** The rejected rows of a report as CSV, streamed page by page in constant memory. */
export function rejectedRowsCsv(db: Database, reportId: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastId = 0;
  let sentHeader = false;
  return new ReadableStream({
    async pull(controller) {
      if (!sentHeader) {
        sentHeader = true;
        controller.enqueue(encoder.encode(toCsv([header])));
      }
      const rows = await db
        .select()
        .from(reportRowsRejected)
        .where(and(eq(reportRowsRejected.reportId, reportId), gt(reportRowsRejected.id, lastId)))
        .orderBy(asc(reportRowsRejected.id))
        .limit(PAGE);
      if (rows.length === 0) return controller.close();
      lastId = rows[rows.length - 1].id;
      controller.enqueue(encoder.encode(toCsv(rows.map((r) => [r.line, r.column ?? "", r.value ?? "", r.reason, rawLine(r.raw)]))));
    },
  });
}
