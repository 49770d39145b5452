import { createHash } from "node:crypto";

/**
 * The signing key in the form the SDK sends it to Inngest's API (`Bearer <prefix><sha256 of the hex key>`):
 * the key itself never leaves the app. Mirrors the SDK's internal hashSigningKey, which it does not export.
 */
export function hashedSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  const key = signingKey.slice(prefix.length);
  return `${prefix}${createHash("sha256").update(Buffer.from(key, "hex")).digest("hex")}`;
}
