import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { importSteps } from "@/lib/db/schema";

// Staging reads a report in chunks. Decompressing a .csv.gz from its start for every chunk made the import
// quadratic in the file's length (chunk k decompressed and skipped k chunks first). The validation read already
// decompresses everything once, so it leaves the text where each staging step can read just its own byte range.

/** One stored object holding bytes [start, end) of the report's decompressed text. */
export type TextObject = { key: string; etag: string | null; versionId: string | null; start: number; end: number };

/** Where a record starts: its byte offset in the decompressed text and its line. */
export type RecordStart = { byteOffset: number; line: number };

/**
 * Where a report's decompressed text can be read by byte range: the stored object itself for a plain CSV, scratch
 * copies for gzip (`scratch`; see keep-text.ts for which parts). Bytes no object holds are read from the stored
 * file as before. `headerEnd` (the first data row's offset) and `chunkStarts` (the first row of each staging chunk
 * of `chunkRows` rows after the first) bound the ranged reads, so a step transfers its own bytes and no more, and
 * it knows where the next chunk starts without reading that chunk's first row.
 */
export type TextLayout = {
  totalBytes: number;
  headerEnd: number;
  chunkRows: number;
  chunkStarts: RecordStart[];
  scratch: boolean;
  objects: TextObject[];
};

/** Writes the text a validation read hands on; `finish` says which objects hold it. */
export type TextCopyWriter = {
  /** Appends bytes at `at` (default: right after the last ones); a jump ends the current object. */
  add: (bytes: Uint8Array, at?: number) => Promise<void> | void;
  finish: () => Promise<TextObject[]>;
  abort: () => Promise<void>;
};

/** What a source offers besides reading from the start (the S3 object does; test fixtures need not). */
export type TextStore = {
  /** Keeps the decompressed text: scratch copies when the stored bytes are gzip, nothing when they are the text. */
  keepText: (gzip: boolean) => TextCopyWriter;
  /** Bytes [from, to) of one object; null when a scratch copy is gone, so the caller reads the original instead. */
  openRange: (object: TextObject, from: number, to: number) => Promise<AsyncIterable<Uint8Array> | null>;
};

// Recorded with the step results (import_steps), so it goes with them when the import's scratch is cleared.
// While scratch copies are being written it holds `{ scratch: true }` only: cleanup then knows there may be some.
export const TEXT_LAYOUT_KEY = "text-layout";
type Tx = Pick<Database, "select">;

/** The layout the validation read recorded, or undefined (older runs, sources without a text store). */
export async function readTextLayout(db: Tx, reportId: number): Promise<TextLayout | undefined> {
  const [row] = await db
    .select({ result: importSteps.result })
    .from(importSteps)
    .where(and(eq(importSteps.reportId, reportId), eq(importSteps.stepKey, TEXT_LAYOUT_KEY)));
  const layout = row ? (JSON.parse(row.result) as Partial<TextLayout>) : undefined;
  return layout?.objects ? (layout as TextLayout) : undefined;
}

/** True when scratch copies of the report's text may exist (written, or being written). */
export async function mayHaveScratchText(db: Tx, reportId: number): Promise<boolean> {
  const [row] = await db
    .select({ result: importSteps.result })
    .from(importSteps)
    .where(and(eq(importSteps.reportId, reportId), eq(importSteps.stepKey, TEXT_LAYOUT_KEY)));
  return Boolean(row && (JSON.parse(row.result) as Partial<TextLayout>).scratch);
}

export async function recordTextLayout(db: Database, reportId: number, layout: Partial<TextLayout>): Promise<void> {
  const result = JSON.stringify(layout);
  await db
    .insert(importSteps)
    .values({ reportId, stepKey: TEXT_LAYOUT_KEY, result })
    .onConflictDoUpdate({ target: [importSteps.reportId, importSteps.stepKey], set: { result } });
}

/**
 * Where the chunk after the one starting at `checkpoint` (null: the first) starts, when the layout was cut in
 * chunks of the same size; undefined when it cannot say (the last chunk, another chunk size, an unknown start).
 */
export function nextChunkStart(layout: TextLayout, checkpoint: RecordStart | null, maxRows: number): RecordStart | undefined {
  if (layout.chunkRows !== maxRows) return undefined;
  if (!checkpoint) return layout.chunkStarts[0];
  const index = layout.chunkStarts.findIndex((c) => c.byteOffset === checkpoint.byteOffset && c.line === checkpoint.line);
  return index < 0 ? undefined : layout.chunkStarts[index + 1];
}
