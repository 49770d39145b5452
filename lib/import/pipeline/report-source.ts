import { createHash } from "node:crypto";
import type { TextStore } from "./text-layout";

/** Where the pipeline reads a report's bytes from (the S3 object in the app; a fixture in some tests). */
export type ReportSource = {
  /** The stored bytes (maybe gzip) from the start. */
  openBytes: () => Promise<AsyncIterable<Uint8Array>>;
  /** Byte ranges of the decompressed text, so each staging step reads only its chunk (see text-layout.ts). */
  text?: TextStore;
};

/** Wraps a source so that reading it through also computes the SHA-256 of the bytes as stored. */
export function hashingSource(source: ReportSource): { source: ReportSource; digest: () => string } {
  const hash = createHash("sha256");
  return {
    source: {
      ...source,
      openBytes: async () => {
        const bytes = await source.openBytes();
        return (async function* () {
          for await (const chunk of bytes) {
            hash.update(chunk);
            yield chunk;
          }
        })();
      },
    },
    digest: () => hash.digest("hex"),
  };
}

/** The report month from a CMS file name (`…_M_20250601_…`), for reports without a date column. */
export function periodFromFilename(filename: string, fallback: Date): string {
  const match = /_M_(\d{4})(\d{2})(\d{2})?/.exec(filename) ?? /_(\d{4})(\d{2})(\d{2})(?:\.|$)/.exec(filename);
  if (match) return `${match[1]}-${match[2]}-01`;
  return `${fallback.getUTCFullYear()}-${String(fallback.getUTCMonth() + 1).padStart(2, "0")}-01`;
}
