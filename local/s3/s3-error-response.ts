// The slice of s3rver's Koa context the stand-in's own checks use (s3rver ships no types).
export type S3Context = {
  method: string;
  path: string;
  url: string;
  status: number;
  type: string;
  body: unknown;
  get(name: string): string;
  set(name: string, value: string): void;
};

export type S3Middleware = (ctx: S3Context, next: () => Promise<void>) => Promise<void>;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Answers as S3 does: an XML `<Error>` with its code. A browser request also gets the CORS header S3 adds to
 * errors, so the page can read why an upload was refused instead of seeing a bare network error.
 */
export function sendS3Error(ctx: S3Context, status: number, code: string, message: string): void {
  if (ctx.get("origin")) ctx.set("Access-Control-Allow-Origin", "*");
  ctx.status = status;
  ctx.type = "application/xml";
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

/** The bucket and (decoded) key of a path-style request, or null for service and bucket requests. */
export function bucketAndKey(path: string): { bucket: string; key: string } | null {
  const match = /^\/([^/]+)\/(.+)$/.exec(path);
  if (!match) return null;
  try {
    return { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
