import { createPublicKey, createVerify } from "node:crypto";
import { createCertificateCache } from "./certificate-cache";

export type SnsMessage = {
  Type: "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Signature: string;
  SignatureVersion: "1" | "2";
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
};

// The fields AWS signs, in the order it signs them (Subject only when present).
const SIGNED_FIELDS: Record<SnsMessage["Type"], (keyof SnsMessage)[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
  UnsubscribeConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
};

const REQUIRED_TEXT: (keyof SnsMessage)[] = ["MessageId", "TopicArn", "Message", "Timestamp", "Signature", "SigningCertURL"];

/** The shape of an SNS message: a known type and every field the checks read, as text. */
export function isSnsMessage(body: unknown): body is SnsMessage {
  const m = body as Record<string, unknown> | null;
  if (!m || typeof m !== "object" || !Object.hasOwn(SIGNED_FIELDS, String(m.Type))) return false;
  return REQUIRED_TEXT.every((field) => typeof m[field] === "string");
}

export function snsStringToSign(message: SnsMessage): string {
  return SIGNED_FIELDS[message.Type]
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field]}\n`)
    .join("");
}

// AWS's SNS endpoints: sns.<region>.amazonaws.com, and .com.cn in the China regions.
const AWS_SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * Whether a URL in an SNS message (signing certificate, subscribe URL) is AWS's own: https, an SNS host, the
 * default port, no user info. `extraTrustedOrigin` adds exactly one more origin (the tests' local certificate
 * server); it is compared as a whole origin, so `https://sns.example.com.attacker` does not pass for
 * `https://sns.example.com`.
 */
export function isTrustedSnsUrl(url: string, extraTrustedOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const extra = originOf(extraTrustedOrigin);
  if (extra && parsed.origin === extra) return true;
  return parsed.protocol === "https:" && parsed.port === "" && AWS_SNS_HOST.test(parsed.hostname);
}

/** A signing certificate: a trusted SNS URL whose path names a .pem file. */
export function isTrustedCertUrl(url: string, extraTrustedOrigin?: string): boolean {
  return isTrustedSnsUrl(url, extraTrustedOrigin) && new URL(url).pathname.endsWith(".pem");
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

const certificates = createCertificateCache({ maxEntries: 32, ttlMs: 60 * 60 * 1000 });

async function fetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "error" });
  if (!response.ok) throw new Error(`could not fetch the SNS signing certificate (${response.status})`);
  return response.text();
}

/** Verifies an SNS message's signature (version 1 = SHA1withRSA, 2 = SHA256withRSA) with its certificate. */
export async function hasValidSnsSignature(message: SnsMessage, extraTrustedOrigin?: string): Promise<boolean> {
  if (!isTrustedCertUrl(message.SigningCertURL, extraTrustedOrigin)) return false;
  const algorithm = message.SignatureVersion === "2" ? "RSA-SHA256" : message.SignatureVersion === "1" ? "RSA-SHA1" : null;
  if (!algorithm) return false;
  try {
    const key = createPublicKey(await certificates.get(message.SigningCertURL, fetchCertificate));
    return createVerify(algorithm).update(snsStringToSign(message), "utf8").verify(key, message.Signature, "base64");
  } catch {
    return false;
  }
}
