import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { headReportObject } from "./get-object";
import { getS3Client } from "./s3-client";
import { reportKeyForFilename } from "./report-keys";

const EXPIRES_IN_SECONDS = 15 * 60;

/** The largest single PUT S3 accepts (5 GiB); UPLOAD_MAX_BYTES may only lower it. */
export const S3_MAX_PUT_BYTES = 5 * 1024 ** 3;

export type PresignedUpload = {
  key: string;
  url: string;
  method: "PUT";
  /** Headers the upload must send as they are: they are part of the signature. */
  headers: Record<string, string>;
  expires_in: number;
  max_bytes: number;
};

export function uploadMaxBytes(): number {
  return Math.min(getEnv().UPLOAD_MAX_BYTES, S3_MAX_PUT_BYTES);
}

const formatGiB = (bytes: number) => `${Math.round((bytes / 1024 ** 3) * 100) / 100} GB`;

/**
 * A presigned PUT the browser uploads to directly, so large reports never pass through the app server. The
 * signature covers the declared size (S3 refuses any other Content-Length) and `If-None-Match: *` (S3 refuses
 * to replace an object), so a URL can neither send more than was allowed nor overwrite a report — not even one
 * that is being imported, and not when replayed later. An existing name is refused up front with a clear 409.
 */
export async function presignReportUpload(filename: string, size: number): Promise<PresignedUpload> {
  const key = reportKeyForFilename(filename);
  if (size === 0) throw new AppError("bad_request", `"${filename}" is empty; choose the report file itself.`);
  const max = uploadMaxBytes();
  if (size > max) {
    throw new AppError("payload_too_large", `"${filename}" is ${formatGiB(size)}; reports up to ${formatGiB(max)} can be uploaded. Split the file or compress it (.csv.gz).`);
  }
  if (await headReportObject(key)) {
    throw new AppError("conflict", `A report named "${key.slice(key.lastIndexOf("/") + 1)}" already exists in the bucket; rename the file and upload it again.`);
  }
  const command = new PutObjectCommand({ Bucket: getEnv().S3_BUCKET, Key: key, ContentLength: size, IfNoneMatch: "*" });
  const url = await getSignedUrl(getS3Client(), command, { expiresIn: EXPIRES_IN_SECONDS });
  return { key, url, method: "PUT", headers: { "If-None-Match": "*" }, expires_in: EXPIRES_IN_SECONDS, max_bytes: max };
}
