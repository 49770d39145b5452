import { hasControlCharacters } from "@/lib/http/parse";

export type S3ObjectCreated = { bucket: string; key: string; version: string };
/** A record that names an object but cannot be read; the rest of the event is still imported. */
export type SkippedRecord = { key: string; reason: string };

type S3EventRecord = {
  eventName?: string;
  s3?: { bucket?: { name?: string }; object?: { key?: string; versionId?: string; eTag?: string; sequencer?: string } };
};

/**
 * The created objects in an S3 event notification. Keys arrive URL-encoded with `+` for spaces. The object
 * version is the S3 version id when versioning is on, else the ETag (same content = same delivery), else the
 * sequencer — so a repeated delivery of the same upload names the same version. Each record is read on its
 * own: one badly encoded key (which made decodeURIComponent throw for the whole batch) is skipped with its
 * reason, and the others are imported.
 */
export function createdObjects(event: unknown): { objects: S3ObjectCreated[]; skipped: SkippedRecord[] } {
  const records = (event as { Records?: S3EventRecord[] } | null)?.Records;
  const objects: S3ObjectCreated[] = [];
  const skipped: SkippedRecord[] = [];
  if (!Array.isArray(records)) return { objects, skipped };
  for (const record of records) {
    const object = record?.s3?.object;
    const bucket = record?.s3?.bucket?.name;
    if (typeof record?.eventName !== "string" || !record.eventName.startsWith("ObjectCreated")) continue;
    if (typeof bucket !== "string" || !bucket || typeof object?.key !== "string" || !object.key) continue;
    const decoded = decodeKey(object.key);
    if ("reason" in decoded) {
      skipped.push({ key: object.key, reason: decoded.reason });
      continue;
    }
    const version = [object.versionId, object.eTag, object.sequencer].find((v) => typeof v === "string" && v) ?? "unversioned";
    objects.push({ bucket, key: decoded.key, version });
  }
  return { objects, skipped };
}

function decodeKey(encoded: string): { key: string } | { reason: string } {
  let key: string;
  try {
    key = decodeURIComponent(encoded.replace(/\+/g, " "));
  } catch {
    return { reason: "the key is not valid percent-encoding (S3 sends keys URL-encoded); the object was not imported" };
  }
  if (hasControlCharacters(key)) return { reason: "the key contains control characters; rename the object and upload it again" };
  return { key };
}
