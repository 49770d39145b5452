import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { ReportFileError } from "./file-error";

const GZIP_CHUNK = 64 * 1024;

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** Maps zlib's terse errors to messages a person can act on; any other error (e.g. storage) passes through. */
function gzipError(error: unknown): unknown {
  const code = (error as { code?: string })?.code ?? "";
  if (!code.startsWith("Z_")) return error;
  if (code === "Z_BUF_ERROR") return new ReportFileError("The gzip archive is truncated: it ends before the compressed data is complete");
  return new ReportFileError(`The file is not a valid gzip archive: ${(error as Error).message}`);
}

/**
 * The stored bytes, decompressed when they are gzip. Gzip is recognised by its magic bytes (1f 8b), never by the
 * name: uploads are often renamed. A name ending in .gz over plain bytes is refused, since it means the wrong
 * file was picked. `onFormat` learns which it was before the first byte is handed out.
 */
export async function* decompressedBytes(
  source: AsyncIterable<Uint8Array>,
  filename?: string,
  onFormat?: (gzip: boolean) => void,
): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    // Sources may hand out 1-byte chunks: gather at least two bytes before looking at the magic number.
    const head: Uint8Array[] = [];
    let headLength = 0;
    while (headLength < 2) {
      const r = await it.next();
      if (r.done) { finished = true; break; }
      if (r.value.length === 0) continue;
      head.push(r.value);
      headLength += r.value.length;
    }
    const first = head.length ? concat(head) : new Uint8Array(0);
    const isGzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
    onFormat?.(isGzip);
    const rest = async function* () {
      yield first;
      while (!finished) {
        const r = await it.next();
        if (r.done) finished = true;
        else yield r.value;
      }
    };
    if (!isGzip) {
      if (filename && /\.gz$/i.test(filename) && first.length > 0) {
        throw new ReportFileError("The file is named .gz but is not gzip-compressed");
      }
      for await (const chunk of rest()) if (chunk.length) yield chunk;
      return;
    }
    const input = Readable.from(rest());
    const gunzip = createGunzip({ chunkSize: GZIP_CHUNK });
    input.on("error", (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    try {
      for await (const chunk of gunzip) yield chunk as Uint8Array;
    } catch (error) {
      throw gzipError(error);
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } finally {
    // Stop the underlying download when the reader leaves early (a chunk read ends mid-file).
    if (!finished) await it.return?.();
  }
}

/** Drops the first `count` bytes, so reading can resume at a checkpoint's byte offset. */
export async function* skipBytes(source: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of source) {
    if (left >= chunk.length) { left -= chunk.length; continue; }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
