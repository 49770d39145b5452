import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { hasValidHmacSignature, SIGNATURE_HEADER } from "./hmac-signature";
import { hasValidSnsSignature, isSnsMessage, isTrustedSnsUrl, type SnsMessage } from "./sns-signature";
import { assertAcceptedTopic, assertFreshTimestamp } from "./sns-message-checks";
import { createdObjects } from "./s3-event";
import { importDeliveredObjects, type DeliveryOutcome } from "./import-delivered-objects";

/** An S3 event names a few objects in a few KB; anything past this is refused unread (413), before any check. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

type Result = { kind: "imports"; outcome: DeliveryOutcome } | { kind: "subscription_confirmed" } | { kind: "ignored"; reason: string };

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The webhook body is not JSON; send the S3 event notification as JSON.");
  }
}

async function receiveSns(db: Database, message: SnsMessage): Promise<Result> {
  const env = getEnv();
  assertAcceptedTopic(message, env.SNS_TOPIC_ARN);
  assertFreshTimestamp(message);
  if (!(await hasValidSnsSignature(message, env.SNS_CERT_BASE_URL))) {
    throw new AppError("unauthorized", "The SNS message signature does not verify; nothing was imported.");
  }
  if (message.Type === "SubscriptionConfirmation") {
    // Visiting SubscribeURL is how SNS subscriptions are confirmed; the signature vouches for it, and it must
    // still be AWS's own endpoint, so a signed message cannot make this server call anywhere else.
    if (typeof message.SubscribeURL !== "string" || !isTrustedSnsUrl(message.SubscribeURL, env.SNS_CERT_BASE_URL)) {
      throw new AppError("bad_request", "The SNS SubscribeURL is not an AWS SNS endpoint; the subscription was not confirmed.");
    }
    const response = await fetch(message.SubscribeURL, { signal: AbortSignal.timeout(10_000), redirect: "error" });
    if (!response.ok) throw new AppError("unavailable", `Confirming the SNS subscription failed (${response.status}).`);
    return { kind: "subscription_confirmed" };
  }
  if (message.Type !== "Notification") return { kind: "ignored", reason: `SNS ${message.Type}` };
  return { kind: "imports", outcome: await importDeliveredObjects(db, createdObjects(parseJson(message.Message))) };
}

/**
 * F5: an S3 event notification, either posted directly with an HMAC-SHA256 signature of the raw body, or
 * delivered by SNS with AWS's signature. Anything unsigned or badly signed is refused before it is looked at.
 */
export async function receiveS3Webhook(db: Database, request: Request): Promise<Result> {
  const raw = await readBodyText(request, WEBHOOK_BODY_LIMIT);
  const snsType = request.headers.get("x-amz-sns-message-type");
  const hmacHeader = request.headers.get(SIGNATURE_HEADER);
  if (!hmacHeader && snsType) {
    const body = parseJson(raw);
    if (!isSnsMessage(body)) throw new AppError("unauthorized", "The SNS message carries no signature; nothing was imported.");
    return receiveSns(db, body);
  }
  if (!hasValidHmacSignature(raw, hmacHeader, getEnv().WEBHOOK_SECRET)) {
    throw new AppError(
      "unauthorized",
      `Missing or wrong ${SIGNATURE_HEADER} header: sign the raw body with HMAC-SHA256 and the shared WEBHOOK_SECRET ("sha256=<hex>").`,
    );
  }
  return { kind: "imports", outcome: await importDeliveredObjects(db, createdObjects(parseJson(raw))) };
}
