import { decompressedBytes, skipBytes } from "@/lib/import/parse/decode-bytes";
import type { OpenBytes, OpenText } from "@/lib/import/parse";
import type { TextLayout, TextStore } from "./text-layout";

/** Index of the last element <= value in an ascending list (-1 if none). */
function lastAtOrBelow(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The decompressed text from `fromByte` on, as ranged reads of the objects the layout names. Each read ends at
 * the next stop (the header's end, a chunk's end, an object's end), so a staging step that stops at its chunk's
 * end has transferred exactly its bytes. Bytes no object holds (the first chunks of a .csv.gz, see keep-text.ts),
 * or held by a scratch copy that is gone (removed by a cancel, say), are read from the stored report instead,
 * decompressed and skipped up to there: slower, same bytes.
 */
export async function* readTextFrom(layout: TextLayout, fromByte: number, store: TextStore, openBytes: OpenBytes): AsyncGenerator<Uint8Array> {
  const stops = [...new Set([layout.headerEnd, ...layout.chunkStarts.map((c) => c.byteOffset)])].sort((a, b) => a - b);
  const starts = layout.objects.map((o) => o.start);
  let position = fromByte;
  while (position < layout.totalBytes) {
    const object = layout.objects[lastAtOrBelow(starts, position)];
    const to = object ? Math.min(object.end, stops[lastAtOrBelow(stops, position) + 1] ?? Infinity) : position;
    const body = position < to ? await store.openRange(object, position - object.start, to - object.start) : null;
    if (!body) {
      // Read on to the end: the reader stops where its chunk ends.
      yield* skipBytes(decompressedBytes(await openBytes()), position);
      return;
    }
    for await (const bytes of body) {
      position += bytes.length;
      yield bytes;
    }
    // A connection cut short must not pass for the end of a range: the step fails and is retried.
    if (position !== to) throw new Error(`Read ${object.key} up to byte ${position - object.start} of ${to - object.start}`);
  }
}

/** `readTextFrom` as the parser's OpenText. */
export function textOpener(layout: TextLayout, store: TextStore, openBytes: OpenBytes): OpenText {
  return async (fromByte) => readTextFrom(layout, fromByte, store, openBytes);
}
