import { createHash, createHmac } from "node:crypto";
import { sendS3Error, type S3Middleware } from "./s3-error-response";

// s3rver accepts any Signature V4 without checking it. The app's presigned upload URLs carry conditions in their
// signed headers (the exact Content-Length, `If-None-Match: *`) and an expiry, which S3 enforces by checking the
// signature; without the same check here, a local upload could send any size or overwrite a report unnoticed.

const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();

function queryPairs(url: string): [string, string][] {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  return query
    .split("&")
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      const [name, value] = at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
      return [decodeURIComponent(name), decodeURIComponent(value)];
    });
}

/** When the `X-Amz-Date` + `X-Amz-Expires` of a presigned request has passed. */
function expiresAt(amzDate: string, expires: string): number {
  const iso = amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z");
  return Date.parse(iso) + Number(expires) * 1000;
}

/**
 * The Signature V4 of a presigned (query-string) request as S3 computes it: the path as sent, every query
 * parameter but the signature, and the values of the headers the signer listed — so a different Content-Length
 * or a dropped `If-None-Match` no longer matches.
 */
export function presignedSignature(request: { method: string; path: string; url: string; header: (name: string) => string }, secret: string): string {
  const pairs = queryPairs(request.url);
  const param = (name: string) => pairs.find(([n]) => n === name)?.[1] ?? "";
  const signedHeaders = param("X-Amz-SignedHeaders");
  const canonicalQuery = pairs
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [rfc3986(name), rfc3986(value)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((name) => `${name}:${request.header(name).trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payload = param("X-Amz-Content-Sha256") || "UNSIGNED-PAYLOAD";
  const canonicalRequest = [request.method, request.path, canonicalQuery, canonicalHeaders, signedHeaders, payload].join("\n");
  const [, date, region, service] = param("X-Amz-Credential").split("/");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", param("X-Amz-Date"), scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  return createHmac("sha256", key).update(stringToSign).digest("hex");
}

/** Refuses presigned requests whose signature does not match (403 SignatureDoesNotMatch) or that expired. */
export function verifyPresignedRequests(secrets: Map<string, string>): S3Middleware {
  return async (ctx, next) => {
    if (ctx.method === "OPTIONS" || !/[?&]X-Amz-Algorithm=/.test(ctx.url)) return next();
    const pairs = queryPairs(ctx.url);
    const param = (name: string) => pairs.find(([n]) => n === name)?.[1] ?? "";
    const secret = secrets.get(param("X-Amz-Credential").split("/")[0]);
    if (!secret) return sendS3Error(ctx, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    if (Date.now() > expiresAt(param("X-Amz-Date"), param("X-Amz-Expires"))) {
      return sendS3Error(ctx, 403, "AccessDenied", "Request has expired");
    }
    const expected = presignedSignature({ method: ctx.method, path: ctx.path, url: ctx.url, header: (name) => ctx.get(name) }, secret);
    if (expected !== param("X-Amz-Signature")) {
      return sendS3Error(ctx, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
    return next();
  };
}
