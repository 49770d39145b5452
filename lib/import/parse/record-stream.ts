import { decompressedBytes, skipBytes } from "./decode-bytes";
import { RecordSplitter, type RawRecord } from "./record-splitter";
import type { OpenBytes } from "./types";
import { Utf8Decoder } from "./utf8-decoder";

export type StreamStart = { byteOffset: number; line: number };

/**
 * Non-blank CSV records of a stored report, in batches (one per decompressed chunk: yielding per record would
 * cost an await each). From `start` the decompressed bytes before that offset are skipped unread; a checkpoint
 * always points at a record start, which is also a character boundary.
 */
export async function* recordBatches(openBytes: OpenBytes, options: { start?: StreamStart | null; filename?: string } = {}): AsyncGenerator<RawRecord[]> {
  const start = options.start ?? { byteOffset: 0, line: 1 };
  let bytes = decompressedBytes(await openBytes(), options.filename);
  if (start.byteOffset > 0) bytes = skipBytes(bytes, start.byteOffset);
  const decoder = new Utf8Decoder(start);
  const splitter = new RecordSplitter(start);
  for await (const chunk of bytes) {
    const piece = decoder.push(chunk);
    if (!piece) continue;
    const records = splitter.push(piece);
    if (records.length) yield records;
  }
  decoder.end();
  const last = splitter.end();
  if (last.length) yield last;
}
