import crypto from "node:crypto";

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with DES, which the OpenSSL 3 in Node 20 no longer offers,
 * so every second page of a listing failed with an internal error. Tokens only need to round-trip through the
 * client, so "des" becomes a pass-through cipher in this process; no other code here uses DES.
 */
export function allowDesContinuationTokens(): void {
  const marker = crypto as unknown as { catalogDesPatched?: boolean };
  if (marker.catalogDesPatched) return;
  marker.catalogDesPatched = true;
  const passThrough = () => ({
    update: (data: Buffer | string, encoding?: BufferEncoding) => (typeof data === "string" ? Buffer.from(data, encoding ?? "utf8") : Buffer.from(data)),
    final: () => Buffer.alloc(0),
  });
  const originalCipher = crypto.createCipheriv;
  const originalDecipher = crypto.createDecipheriv;
  Object.assign(crypto, {
    createCipheriv: (algorithm: string, ...rest: unknown[]) =>
      algorithm === "des" ? passThrough() : (originalCipher as (...a: unknown[]) => unknown)(algorithm, ...rest),
    createDecipheriv: (algorithm: string, ...rest: unknown[]) =>
      algorithm === "des" ? passThrough() : (originalDecipher as (...a: unknown[]) => unknown)(algorithm, ...rest),
  });
}
