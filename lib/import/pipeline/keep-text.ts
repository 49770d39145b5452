import type { Database } from "@/lib/db/client";
import type { RecordsListener, TextListener } from "@/lib/import/parse";
import { recordTextLayout, type RecordStart, type TextCopyWriter, type TextStore } from "./text-layout";

/**
 * The first chunks of a .csv.gz are staged from the stored file, as before: chunk k then decompresses and skips k
 * chunks first, and for these few that costs less than writing their copy (on the local stand-in a copy costs about
 * 2.3× a decompress-and-skip of the same bytes; to real S3 relatively more). From this chunk on the text is copied,
 * so however long the file, each later step reads only its own chunk. A report of up to this many chunks (1M rows
 * at the default chunk size) gets no copy at all.
 */
export const COPIED_FROM_CHUNK = 4;
/** Enough for any chunk size the 1,000-step limit allows; beyond it reads are bounded by object ends only. */
const MAX_CHUNK_STARTS = 10_000;

/** Bytes of the text seen but not yet known to be needed, from offset `from` on. */
class HeldBytes {
  private parts: Uint8Array[] = [];
  from = 0;
  private length = 0;

  push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  /** Bytes [start, end) (within what is held), as one buffer. */
  slice(start: number, end = this.from + this.length): Buffer {
    return Buffer.concat(this.parts, this.length).subarray(start - this.from, end - this.from);
  }

  /** Forgets everything before `offset`. */
  dropBefore(offset: number): void {
    while (this.parts.length && this.from + this.parts[0].length <= offset) {
      this.from += this.parts[0].length;
      this.length -= this.parts[0].length;
      this.parts.shift();
    }
  }

  clear(): void {
    this.parts = [];
    this.length = 0;
  }
}

/**
 * Listeners for the validation read that record the text's layout (where the header ends, where every `chunkRows`-th
 * data row starts, its length) and keep the text where staging steps read it by byte range: a plain CSV is its own
 * text; of a .csv.gz the header and everything from chunk COPIED_FROM_CHUNK on are copied into scratch pieces.
 */
export function keepTextForStaging(
  db: Database,
  reportId: number,
  store: TextStore,
  chunkRows: number,
  options: { copiedFromChunk?: number } = {},
) {
  const copiedFromChunk = options.copiedFromChunk ?? COPIED_FROM_CHUNK;
  let totalBytes = 0;
  let dataRows = 0;
  let headerEnd: number | null = null;
  const chunkStarts: RecordStart[] = [];
  let gzip: boolean | null = null;
  let writer: TextCopyWriter | null = null;
  let header: Buffer | null = null;
  // A record's start is known once the record is complete, after its bytes went by: they are held until then.
  const held = new HeldBytes();

  const startCopy = async (from: number) => {
    // Recorded before the first copy is written: a cleanup that runs meanwhile (cancel) then removes them.
    await recordTextLayout(db, reportId, { scratch: true });
    writer = store.keepText(true);
    // Every step reads the header first: it gets a piece of its own (unless the text from `from` on follows it).
    if (header?.length) await writer.add(header, 0);
    await writer.add(held.slice(from), from);
    held.clear();
  };

  const onText: TextListener = async (bytes, isGzip) => {
    if (gzip === null) {
      gzip = isGzip;
      if (!gzip) writer = store.keepText(false);
    }
    totalBytes += bytes.length;
    if (writer) {
      const added = writer.add(bytes);
      if (added) await added;
    } else held.push(bytes);
  };

  const onRecords: RecordsListener = async (_header, records) => {
    for (const record of records) {
      if (dataRows === 0) {
        headerEnd = record.byteOffset;
        if (gzip) header = held.slice(0, headerEnd);
        if (gzip && copiedFromChunk === 0) await startCopy(headerEnd);
      } else if (dataRows % chunkRows === 0 && chunkStarts.length < MAX_CHUNK_STARTS) {
        chunkStarts.push({ byteOffset: record.byteOffset, line: record.line });
        if (gzip && !writer && chunkStarts.length === copiedFromChunk) await startCopy(record.byteOffset);
      }
      dataRows++;
    }
    if (!writer && records.length) held.dropBefore(records[records.length - 1].byteOffset);
  };

  return {
    onRecords,
    onText,
    /** After a complete read: the copies are all stored and the layout is recorded. */
    finish: async (): Promise<void> => {
      const objects = writer ? await (writer as TextCopyWriter).finish() : [];
      await recordTextLayout(db, reportId, {
        totalBytes, headerEnd: headerEnd ?? totalBytes, chunkRows, chunkStarts, scratch: Boolean(gzip && writer), objects,
      });
    },
    abort: async (): Promise<void> => {
      await (writer as TextCopyWriter | null)?.abort();
    },
  };
}
