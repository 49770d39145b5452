import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readReportChunk, scanReport, type Checkpoint, type OpenBytes, type RejectedRow, type ReportRecord } from "@/lib/import/parse";

const FIXTURES = fileURLToPath(new URL("../../fixtures/reports/", import.meta.url));

export const fixture = (name: string): Buffer => readFileSync(FIXTURES + name);

/** Hands the bytes out in small pieces so chunk boundaries cut multi-byte characters, CRLFs and records. */
export const open = (buf: Uint8Array, step = 7): OpenBytes => async () =>
  (async function* () {
    for (let i = 0; i < buf.length; i += step) yield buf.subarray(i, i + step);
  })();

export const scan = (buf: Uint8Array, filename?: string) => scanReport(open(buf), { filename });

/** Reads a whole file through checkpoints of `maxRows` rows, as the pipeline does. */
export async function readAll(buf: Uint8Array, maxRows = 1_000_000, step = 7) {
  const records: ReportRecord[] = [];
  const rejected: RejectedRow[] = [];
  const checkpoints: Checkpoint[] = [];
  let checkpoint: Checkpoint | null = null;
  let rowsRead = 0;
  for (;;) {
    const chunk = await readReportChunk(open(buf, step), { checkpoint, maxRows });
    records.push(...chunk.records);
    rejected.push(...chunk.rejected);
    rowsRead += chunk.rowsRead;
    if (!chunk.next) return { header: chunk.header, records, rejected, checkpoints, rowsRead };
    checkpoints.push(chunk.next);
    checkpoint = chunk.next;
  }
}

/** Exact decimal sum with BigInt (independent of the code under test). */
export function sum(values: (string | null | undefined)[]): string {
  const scale = 12;
  let total = 0n;
  for (const v of values) {
    if (!v) continue;
    const neg = v.startsWith("-");
    const [w, f = ""] = v.replace("-", "").split(".");
    const n = BigInt(w + f.padEnd(scale, "0"));
    total += neg ? -n : n;
  }
  const neg = total < 0n;
  const s = (neg ? -total : total).toString().padStart(scale + 1, "0");
  const frac = s.slice(-scale).replace(/0+$/, "");
  return `${neg ? "-" : ""}${s.slice(0, -scale)}${frac ? "." + frac : ""}`;
}

/** The `Partner Revenue` column of a fixture read independently (naive split: only for quote-free columns). */
export function lastColumnTotal(text: string, skipLines: number): string {
  return sum(text.trim().split(/\r?\n/).slice(skipLines).map((l) => l.split(",").at(-1)!));
}
