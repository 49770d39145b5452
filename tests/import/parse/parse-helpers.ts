import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readReportChunk, scanReport, type Checkpoint, type OpenBytes, type RejectedRow, type ReportRecord } from "@/lib/import/parse";
import { RecordSplitter, type RawRecord } from "@/lib/import/parse/record-splitter";
import { Utf8Decoder } from "@/lib/import/parse/utf8-decoder";

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

/**
 * The records of `text` from a RecordSplitter fed with its UTF-8 bytes cut at `cuts` (so pieces end inside characters,
 * quotes and line breaks), or the error message when the text is broken.
 */
export function splitText(text: string, cuts: number[], wanted?: (line: number) => boolean): RawRecord[] | string {
  const bytes = Buffer.from(text, "utf8");
  const start = { byteOffset: 0, line: 1 };
  const decoder = new Utf8Decoder(start);
  const splitter = new RecordSplitter(start, wanted);
  const out: RawRecord[] = [];
  try {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      const piece = decoder.push(bytes.subarray(from, cut));
      from = cut;
      if (piece) out.push(...splitter.push(piece));
    }
    decoder.end();
    out.push(...splitter.end());
  } catch (error) {
    return (error as Error).message;
  }
  return out;
}

/** A small deterministic generator, so a failure can be replayed from its seed. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
