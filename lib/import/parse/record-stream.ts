import { decompressedBytes, skipBytes } from "./decode-bytes";
import { RecordSplitter, type RawRecord } from "./record-splitter";
import type { OpenBytes } from "./types";
import { Utf8Decoder } from "./utf8-decoder";

export type StreamStart = { byteOffset: number; line: number };

/**
 * The report's decompressed text from a byte offset, read from there on (not decompressed and skipped up to it).
 * The import's staging steps get one from the copy the validation read left (lib/import/pipeline/text-layout.ts).
 */
export type OpenText = (fromByte: number) => Promise<AsyncIterable<Uint8Array>>;

/** Sees every piece of decompressed text a read hands on, in order, and whether the stored bytes were gzip. */
export type TextListener = (bytes: Uint8Array, gzip: boolean) => Promise<void> | void;

/** Which records to cut into fields (RecordSplitter.wanted); read at every piece, so it may be set mid-stream. */
export type RecordFilter = { wanted?: (line: number) => boolean };

export type RecordStreamOptions = {
  start?: StreamStart | null;
  filename?: string;
  /** Reads the text through this instead of decompressing the stored bytes from their start. */
  openText?: OpenText;
  onText?: TextListener;
  filter?: RecordFilter;
};

/**
 * Non-blank CSV records of a stored report, in batches (one per decompressed chunk: yielding per record would
 * cost an await each). From `start` the decompressed bytes before that offset are skipped unread, or not read at
 * all with `openText`; a checkpoint always points at a record start, which is also a character boundary.
 */
export async function* recordBatches(openBytes: OpenBytes, options: RecordStreamOptions = {}): AsyncGenerator<RawRecord[]> {
  const start = options.start ?? { byteOffset: 0, line: 1 };
  const { onText } = options;
  let gzip = false;
  let bytes: AsyncIterable<Uint8Array>;
  if (options.openText) {
    bytes = await options.openText(start.byteOffset);
  } else {
    bytes = decompressedBytes(await openBytes(), options.filename, (isGzip) => (gzip = isGzip));
    if (start.byteOffset > 0) bytes = skipBytes(bytes, start.byteOffset);
  }
  const decoder = new Utf8Decoder(start);
  const { filter } = options;
  const splitter = new RecordSplitter(start, filter?.wanted);
  for await (const chunk of bytes) {
    if (filter) splitter.wanted = filter.wanted;
    if (onText) {
      const listened = onText(chunk, gzip);
      if (listened) await listened;
    }
    const piece = decoder.push(chunk);
    if (!piece) continue;
    const records = splitter.push(piece);
    if (records.length) yield records;
  }
  decoder.end();
  const last = splitter.end();
  if (last.length) yield last;
}
