import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";
import { mayHaveScratchText, type TextCopyWriter, type TextObject } from "./text-layout";

/**
 * Scratch copies of gzip reports' decompressed text live under this prefix of the report bucket, outside the
 * reports prefix (so neither the Reports listing nor the S3 webhook sees them), one folder per report.
 */
export const SCRATCH_PREFIX = "import-scratch/";
/** Piece size: small enough to buffer while the next one is read, large enough to need few requests. */
export const DEFAULT_PIECE_BYTES = 8 * 1024 * 1024;
/** Uploads running while the read goes on; the read waits beyond this (memory stays at a few pieces). */
const UPLOADS_IN_FLIGHT = 2;

const scratchFolder = (reportId: number) => `${SCRATCH_PREFIX}${reportId}/`;
export const scratchPieceKey = (reportId: number, index: number) => `${scratchFolder(reportId)}chunk-${String(index).padStart(6, "0")}`;
const unquote = (etag: string | undefined) => etag?.replaceAll('"', "") ?? null;

/**
 * Writes the text into pieces `import-scratch/<reportId>/chunk-<n>` of up to `pieceBytes` while the validation
 * read goes on (a jump in offsets starts a new piece). The same file always gives the same pieces, so a repeated
 * validation overwrites them with equal bytes.
 */
export function scratchPieceWriter(reportId: number, pieceBytes = DEFAULT_PIECE_BYTES): TextCopyWriter {
  const objects: TextObject[] = [];
  const uploads: Promise<void>[] = [];
  let parts: Uint8Array[] = [];
  let buffered = 0;
  /** Offset in the text of the first buffered byte. */
  let pieceStart = 0;

  const upload = async () => {
    const body = Buffer.concat(parts, buffered);
    const object: TextObject = { key: scratchPieceKey(reportId, objects.length), etag: null, versionId: null, start: pieceStart, end: pieceStart + buffered };
    objects.push(object);
    parts = [];
    pieceStart += buffered;
    buffered = 0;
    const done = getS3Client()
      .send(new PutObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: object.key, Body: body, ContentLength: body.length }))
      .then((put) => {
        object.etag = unquote(put.ETag);
        object.versionId = put.VersionId ?? null;
      });
    // Awaited below, in order; this only keeps a failure from counting as unhandled until then.
    done.catch(() => {});
    uploads.push(done);
    while (uploads.length > UPLOADS_IN_FLIGHT) await uploads.shift();
  };

  return {
    add: async (bytes, at) => {
      if (at !== undefined && at !== pieceStart + buffered) {
        if (buffered > 0) await upload();
        pieceStart = at;
      }
      let offset = 0;
      while (buffered + bytes.length - offset >= pieceBytes) {
        const take = pieceBytes - buffered;
        parts.push(bytes.subarray(offset, offset + take));
        buffered += take;
        offset += take;
        await upload();
      }
      if (offset < bytes.length) {
        parts.push(offset ? bytes.subarray(offset) : bytes);
        buffered += bytes.length - offset;
      }
    },
    finish: async () => {
      if (buffered > 0) await upload();
      while (uploads.length) await uploads.shift();
      return objects;
    },
    abort: async () => {
      await Promise.allSettled(uploads.splice(0));
    },
  };
}

/** Deletes every scratch object of the report (also those of an attempt that was killed before it recorded them). */
export async function removeScratchObjects(reportId: number): Promise<number> {
  const client = getS3Client();
  const Bucket = getEnv().S3_BUCKET;
  let removed = 0;
  for (;;) {
    // Listed again after each deletion rather than paged: deleting would shift a continuation token's position.
    const listed = await client.send(new ListObjectsV2Command({ Bucket, Prefix: scratchFolder(reportId), MaxKeys: 1000 }));
    const keys = (listed.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) return removed;
    const deleted = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
    if (deleted.Errors?.length) throw new Error(`Could not delete ${deleted.Errors[0].Key}: ${deleted.Errors[0].Message}`);
    removed += keys.length;
  }
}

/**
 * Removes the report's scratch text, if its import wrote any. Part of clearing an import's scratch (finish,
 * failure, cancel); a storage failure here only leaves objects behind (a lifecycle rule on the prefix expires
 * them), it never fails the import or the cancel.
 */
export async function removeScratchText(db: Pick<Database, "transaction">, reportId: number): Promise<void> {
  if (!(await db.transaction((tx) => mayHaveScratchText(tx, reportId)))) return;
  try {
    await removeScratchObjects(reportId);
  } catch (error) {
    console.warn(`[import] report ${reportId}: scratch text under ${scratchFolder(reportId)} not removed: ${(error as Error).message}`);
  }
}
