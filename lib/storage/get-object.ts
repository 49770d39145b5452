import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";
import { getS3Client } from "./s3-client";

export type ReportObjectHead = { size: number; etag: string | null; versionId: string | null; lastModified: Date | null };

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
};

/** The object's size and version, or null when there is no such key. */
export async function headReportObject(key: string): Promise<ReportObjectHead | null> {
  try {
    const head = await getS3Client().send(new HeadObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key }));
    return {
      size: head.ContentLength ?? 0,
      etag: head.ETag?.replaceAll('"', "") ?? null,
      versionId: head.VersionId ?? null,
      lastModified: head.LastModified ?? null,
    };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Streams the object's stored bytes (still gzip-compressed if it is), optionally from a byte offset. */
export async function streamReportObject(key: string, fromByte = 0): Promise<AsyncIterable<Uint8Array>> {
  const response = await getS3Client().send(
    new GetObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key, Range: fromByte > 0 ? `bytes=${fromByte}-` : undefined }),
  );
  if (!response.Body) throw new Error(`The report file ${key} has no content.`);
  return response.Body as AsyncIterable<Uint8Array>;
}
