import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getS3Client } from "./s3-client";

export type ReportObjectHead = { size: number; etag: string | null; versionId: string | null; lastModified: Date | null };

/** The object as it was when an import was requested: every read must return exactly these bytes. */
export type ObjectPin = { etag: string | null; versionId: string | null };

type S3Failure = { name?: string; $metadata?: { httpStatusCode?: number } };
const statusOf = (error: unknown) => (error as S3Failure)?.$metadata?.httpStatusCode;
const isMissing = (error: unknown) => ["NotFound", "NoSuchKey"].includes((error as S3Failure)?.name ?? "") || statusOf(error) === 404;
const unquote = (etag: string | undefined) => etag?.replaceAll('"', "") ?? null;

/** The object in the bucket is no longer the one an import was requested for (replaced or deleted since). */
export class ReportObjectChangedError extends AppError {
  constructor(key: string, what: "replaced" | "deleted") {
    super("conflict", `The file ${key} ${what === "replaced" ? "changed" : "was deleted"} in the bucket after the import was requested.`);
    this.name = "ReportObjectChangedError";
  }
}

/** The object's size and version, or null when there is no such key. */
export async function headReportObject(key: string): Promise<ReportObjectHead | null> {
  try {
    const head = await getS3Client().send(new HeadObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key }));
    return { size: head.ContentLength ?? 0, etag: unquote(head.ETag), versionId: head.VersionId ?? null, lastModified: head.LastModified ?? null };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Streams the object's stored bytes (still gzip-compressed if it is), optionally from a byte offset and up to
 * (not including) `toByte`. With a
 * pin, the read names the version (buckets with versioning keep it even after an overwrite) and sends
 * `If-Match` with the ETag, so S3 answers 412 instead of other bytes; the response's ETag is compared too, for
 * S3-compatible servers that ignore the condition. Either way a changed object is a ReportObjectChangedError.
 */
export async function streamReportObject(
  key: string,
  options: { fromByte?: number; toByte?: number; pin?: ObjectPin } = {},
): Promise<AsyncIterable<Uint8Array>> {
  const { fromByte = 0, toByte, pin } = options;
  let response;
  try {
    response = await getS3Client().send(
      new GetObjectCommand({
        Bucket: getEnv().S3_BUCKET,
        Key: key,
        Range: toByte !== undefined ? `bytes=${fromByte}-${toByte - 1}` : fromByte > 0 ? `bytes=${fromByte}-` : undefined,
        IfMatch: pin?.etag ? `"${pin.etag}"` : undefined,
        VersionId: pin?.versionId ?? undefined,
      }),
    );
  } catch (error) {
    if (pin && statusOf(error) === 412) throw new ReportObjectChangedError(key, "replaced");
    if (pin && isMissing(error)) throw new ReportObjectChangedError(key, "deleted");
    throw error;
  }
  if (pin?.etag && response.ETag && unquote(response.ETag) !== pin.etag) {
    (response.Body as { destroy?: () => void } | undefined)?.destroy?.();
    throw new ReportObjectChangedError(key, "replaced");
  }
  if (!response.Body) throw new Error(`The report file ${key} has no content.`);
  return response.Body as AsyncIterable<Uint8Array>;
}
