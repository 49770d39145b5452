import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-catalog-signature";

/** `sha256=<hex>` of HMAC-SHA256 over the raw body: what a sender puts in the signature header. */
export function signBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** Constant-time check of the signature header against the raw body (never the re-serialised JSON). */
export function hasValidHmacSignature(rawBody: string, header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(signBody(rawBody, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
