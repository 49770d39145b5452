import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// The two signatures Pusher Channels checks: the events API request signature (HTTP) and the
// private/presence channel authorisation that a browser gets from the app's auth endpoint.

export type Credentials = { appId: string; key: string; secret: string };

/** Real Pusher refuses requests whose auth_timestamp is more than 600 s away from its clock. */
const maxClockSkewSec = 600;

export function hmacHex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks an events-API request the way Pusher does; returns an error message or null when it is valid.
 * The signed string is "METHOD\nPATH\nQUERY" with the query parameters (minus auth_signature) sorted by name,
 * joined unencoded, exactly as the `pusher` SDK builds it.
 */
export function verifyRequestSignature(
  creds: Credentials,
  method: string,
  path: string,
  query: URLSearchParams,
  body: string,
  nowSec = Math.floor(Date.now() / 1000),
): string | null {
  const key = query.get("auth_key");
  const signature = query.get("auth_signature");
  const timestamp = Number(query.get("auth_timestamp"));
  if (!key || !signature || !query.get("auth_timestamp")) return "Missing auth_key, auth_timestamp or auth_signature.";
  if (key !== creds.key) return `Unknown auth_key "${key}": check PUSHER_KEY.`;
  if (query.get("auth_version") !== "1.0") return "auth_version must be 1.0.";
  if (!Number.isFinite(timestamp) || Math.abs(nowSec - timestamp) > maxClockSkewSec) {
    return "Timestamp expired: auth_timestamp is more than 600 s from the server clock.";
  }
  if (body.length > 0 || query.has("body_md5")) {
    const md5 = createHash("md5").update(body, "utf8").digest("hex");
    if (query.get("body_md5") !== md5) return "body_md5 does not match the request body.";
  }
  const params = [...query.entries()]
    .filter(([name]) => name !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const expected = hmacHex(creds.secret, [method.toUpperCase(), path, params].join("\n"));
  return safeEqualHex(signature, expected) ? null : "Invalid signature: check PUSHER_SECRET (the request was not signed with this app's secret).";
}

/** `auth` for a private channel is "<key>:<hmac of socket_id:channel[:channel_data]>". */
export function verifyChannelAuth(
  creds: Credentials,
  socketId: string,
  channel: string,
  auth: unknown,
  channelData?: string,
): boolean {
  if (typeof auth !== "string") return false;
  const [key, signature] = auth.split(":", 2);
  if (key !== creds.key || !signature) return false;
  const signed = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  return safeEqualHex(signature, hmacHex(creds.secret, signed));
}
