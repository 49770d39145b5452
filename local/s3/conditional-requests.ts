import { bucketAndKey, sendS3Error, type S3Middleware } from "./s3-error-response";

// s3rver ignores `If-Match` on reads and `If-None-Match: *` on writes; S3 honours both, and the app relies on
// them: an import reads the exact object it was asked for (If-Match with the ETag seen then), and an upload
// never replaces an existing report (If-None-Match: *). Both are answered here before s3rver sees the request.

export type ObjectStore = {
  existsObject(bucket: string, key: string): Promise<boolean>;
  getMetadata(bucket: string, key: string): Promise<{ etag: string }>;
};

const PRECONDITION = "At least one of the pre-conditions you specified did not hold";
const unquote = (etag: string) => etag.trim().replace(/^W\//, "").replaceAll('"', "");

/** True when the `If-Match` list (`*`, or quoted ETags separated by commas) admits this ETag. */
export function etagMatches(ifMatch: string, etag: string): boolean {
  const wanted = ifMatch.split(",").map(unquote);
  return wanted.includes("*") || wanted.includes(unquote(etag));
}

export function conditionalRequests(store: ObjectStore): S3Middleware {
  return async (ctx, next) => {
    const target = bucketAndKey(ctx.path);
    // Sub-resources (?tagging, ?uploadId, ?acl …) are not object reads or whole-object writes.
    const plainObjectRequest = target && !/[?&](tagging|acl|uploadId|uploads|partNumber)(=|&|$)/.test(ctx.url);
    if (!target || !plainObjectRequest) return next();
    const { bucket, key } = target;

    const ifMatch = ctx.get("if-match");
    if ((ctx.method === "GET" || ctx.method === "HEAD") && ifMatch) {
      // A missing object is left to s3rver's own 404.
      if (await store.existsObject(bucket, key)) {
        const { etag } = await store.getMetadata(bucket, key);
        if (!etagMatches(ifMatch, etag)) return sendS3Error(ctx, 412, "PreconditionFailed", PRECONDITION);
      }
    }

    // Checked, then written by s3rver: not atomic as in S3, which is enough for one machine's uploads.
    if (ctx.method === "PUT" && !ctx.get("x-amz-copy-source") && ctx.get("if-none-match").trim() === "*") {
      if (await store.existsObject(bucket, key)) return sendS3Error(ctx, 412, "PreconditionFailed", PRECONDITION);
    }
    return next();
  };
}
