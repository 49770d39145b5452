import { AppError } from "@/lib/errors";
import type { SnsMessage } from "./sns-signature";

/** SNS retries a failed HTTP delivery for at most about an hour with its default policies; older is a replay. */
export const SNS_MAX_AGE_MS = 60 * 60 * 1000;
/** Clocks differ a little; a message from further in the future is not one AWS sent. */
export const SNS_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Only the configured topic may start imports. With no topic configured every SNS message is refused: any AWS
 * account can create a topic, sign messages with AWS's own certificate and subscribe this endpoint to it.
 */
export function assertAcceptedTopic(message: SnsMessage, configuredTopicArn: string | undefined): void {
  if (!configuredTopicArn) {
    throw new AppError(
      "forbidden",
      "SNS deliveries are refused because SNS_TOPIC_ARN is unset: set it to the ARN of the topic your bucket notifies.",
    );
  }
  if (message.TopicArn !== configuredTopicArn) {
    throw new AppError("forbidden", `Messages from topic ${message.TopicArn.slice(0, 256)} are not accepted: only SNS_TOPIC_ARN's topic is.`);
  }
}

/** The signed Timestamp must be recent: a captured message replayed later is refused. */
export function assertFreshTimestamp(message: SnsMessage, now = Date.now()): void {
  const sentAt = Date.parse(message.Timestamp);
  if (!Number.isFinite(sentAt)) {
    throw new AppError("unauthorized", "The SNS message has no valid Timestamp; nothing was imported.");
  }
  if (now - sentAt > SNS_MAX_AGE_MS) {
    throw new AppError("unauthorized", `The SNS message was sent at ${message.Timestamp}, more than an hour ago; replayed or long-delayed messages are refused.`);
  }
  if (sentAt - now > SNS_MAX_CLOCK_SKEW_MS) {
    throw new AppError("unauthorized", `The SNS message's Timestamp ${message.Timestamp} is in the future; check the server clock.`);
  }
}
