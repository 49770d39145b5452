export type S3ObjectCreated = { bucket: string; key: string; version: string };

type S3EventRecord = {
  eventName?: string;
  s3?: { bucket?: { name?: string }; object?: { key?: string; versionId?: string; eTag?: string; sequencer?: string } };
};

/**
 * The created objects in an S3 event notification. Keys arrive URL-encoded with `+` for spaces. The object
 * version is the S3 version id when versioning is on, else the ETag (same content = same delivery), else the
 * sequencer — so a repeated delivery of the same upload names the same version.
 */
export function createdObjects(event: unknown): S3ObjectCreated[] {
  const records = (event as { Records?: S3EventRecord[] } | null)?.Records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((record) => {
    const object = record.s3?.object;
    const bucket = record.s3?.bucket?.name;
    if (!record.eventName?.startsWith("ObjectCreated") || !bucket || !object?.key) return [];
    const key = decodeURIComponent(object.key.replace(/\+/g, " "));
    const version = object.versionId || object.eTag || object.sequencer || "unversioned";
    return [{ bucket, key, version }];
  });
}
