import { createPublicKey, createVerify } from "node:crypto";

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

export function isSnsMessage(body: unknown): body is SnsMessage {
  const m = body as Partial<SnsMessage> | null;
  return Boolean(m && typeof m.Type === "string" && typeof m.Signature === "string" && typeof m.SigningCertURL === "string");
}

export function snsStringToSign(message: SnsMessage): string {
  return SIGNED_FIELDS[message.Type]
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field]}\n`)
    .join("");
}

/**
 * Only certificates from AWS's SNS hosts are trusted (a forged message could otherwise name its own key);
 * `extraTrustedBase` adds one more location, used by the tests' local certificate server.
 */
export function isTrustedCertUrl(url: string, extraTrustedBase?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (extraTrustedBase && url.startsWith(extraTrustedBase)) return true;
  return parsed.protocol === "https:" && /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(parsed.hostname) && parsed.pathname.endsWith(".pem");
}

const certificates = new Map<string, string>();

async function fetchCertificate(url: string): Promise<string> {
  const cached = certificates.get(url);
  if (cached) return cached;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch the SNS signing certificate (${response.status})`);
  const pem = await response.text();
  certificates.set(url, pem);
  return pem;
}

/** Verifies an SNS message's signature (version 1 = SHA1withRSA, 2 = SHA256withRSA) with its certificate. */
export async function hasValidSnsSignature(message: SnsMessage, extraTrustedBase?: string): Promise<boolean> {
  if (!isTrustedCertUrl(message.SigningCertURL, extraTrustedBase)) return false;
  const algorithm = message.SignatureVersion === "2" ? "RSA-SHA256" : message.SignatureVersion === "1" ? "RSA-SHA1" : null;
  if (!algorithm) return false;
  try {
    const key = createPublicKey(await fetchCertificate(message.SigningCertURL));
    return createVerify(algorithm).update(snsStringToSign(message), "utf8").verify(key, message.Signature, "base64");
  } catch {
    return false;
  }
}
