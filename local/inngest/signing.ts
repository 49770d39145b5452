import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// The SDK JSON-parses the request body and re-serialises it with JCS (RFC 8785,
// the `canonicalize` package) before checking the HMAC, so we sign — and send —
// exactly that canonical form; the round trip is then byte-identical.
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value ?? null);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return canonicalize((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === "function" ? "null" : canonicalize(v))).join(",")}]`;
  }
  const entries = Object.keys(value)
    .sort()
    .filter((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== "function";
    })
    .map((k) => `${JSON.stringify(k)}:${canonicalize((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

// "signkey-test-abc" → "abc": the SDK keys its HMAC with the bare key (as UTF-8 text).
export function stripSigningKeyPrefix(signingKey: string): string {
  return signingKey.replace(/^signkey-[\w]+-/, "");
}

function hmacHex(data: string, signingKey: string, ts: string): string {
  return createHmac("sha256", stripSigningKeyPrefix(signingKey)).update(data + ts).digest("hex");
}

/** Value for the `X-Inngest-Signature` header over an already-serialised body. */
export function signatureHeader(body: string, signingKey: string, now = Date.now()): string {
  const ts = String(Math.round(now / 1000));
  return `t=${ts}&s=${hmacHex(body, signingKey, ts)}`;
}

/** Checks a signature the SDK put on its response (it signs the raw body string). */
export function verifySignature(body: string, header: string | null, signingKey: string): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const ts = params.get("t");
  const sig = params.get("s");
  if (!ts || !sig) return false;
  const expected = Buffer.from(hmacHex(body, signingKey, ts));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// The SDK authenticates its out-of-band register call with `Bearer <prefix><sha256(hex key)>`.
export function hashedSigningKey(signingKey: string): string {
  const prefix = signingKey.match(/^signkey-[\w]+-/)?.[0] ?? "";
  const key = stripSigningKeyPrefix(signingKey);
  return `${prefix}${createHash("sha256").update(Buffer.from(key, "hex")).digest("hex")}`;
}
