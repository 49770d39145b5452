import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyRequestSignature, type Credentials } from "./signature";
import type { SocketHub } from "./socket-hub";

// The HTTP events API of Pusher Channels, with the same signature checks and size limits, so a bug that
// real Pusher would reject (wrong secret, oversized event) fails locally too.

const maxDataBytes = 10_240;
const maxChannels = 100;
const maxBatch = 10;
const channelName = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

type Reply = { status: number; body: unknown };
type Event = { channel: string; name: string; data: string; socketId?: string };

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, creds: Credentials, hub: SocketHub): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const body = await readBody(req);
  const reply = route(req.method ?? "GET", url, body, creds, hub);
  res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
}

function route(method: string, url: URL, body: string, creds: Credentials, hub: SocketHub): Reply {
  const match = /^\/apps\/([^/]+)\/(events|batch_events|channels)(?:\/([^/]+))?$/.exec(url.pathname);
  if (!match) return error(404, `No such endpoint: ${method} ${url.pathname}`);
  const [, appId, resource, channel] = match;
  if (appId !== creds.appId) return error(404, `Unknown app id ${appId}: check PUSHER_APP_ID.`);
  const problem = verifyRequestSignature(creds, method, url.pathname, url.searchParams, body);
  if (problem) return error(401, problem);

  if (resource === "channels" && method === "GET") return channels(hub, channel, url.searchParams);
  if (method !== "POST" || channel) return error(405, `${method} is not allowed on ${url.pathname}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return error(400, "The request body must be JSON.");
  }
  const events = resource === "events" ? single(parsed) : batch(parsed);
  if (!Array.isArray(events)) return events;
  for (const e of events) hub.publish(e.channel, e.name, e.data, e.socketId);
  return { status: 200, body: resource === "events" ? {} : { batch: events.map(() => ({})) } };
}

function single(body: Record<string, unknown>): Event[] | Reply {
  const channels = Array.isArray(body.channels) ? body.channels : body.channel !== undefined ? [body.channel] : [];
  if (channels.length === 0 || channels.length > maxChannels) return error(400, `An event needs 1 to ${maxChannels} channels.`);
  const events: Event[] = [];
  for (const channel of channels) {
    const event = validate({ ...body, channel });
    if ("status" in event) return event;
    events.push(event);
  }
  return events;
}

function batch(body: Record<string, unknown>): Event[] | Reply {
  if (!Array.isArray(body.batch) || body.batch.length === 0) return error(400, "batch must be a non-empty array.");
  if (body.batch.length > maxBatch) return error(400, `Batch too large: at most ${maxBatch} events per request.`);
  const events: Event[] = [];
  for (const item of body.batch as Record<string, unknown>[]) {
    const event = validate(item ?? {});
    if ("status" in event) return event;
    events.push(event);
  }
  return events;
}

function validate(item: Record<string, unknown>): Event | Reply {
  const { channel, name, data, socket_id } = item;
  if (typeof channel !== "string" || !channelName.test(channel)) return error(400, `Invalid channel name: ${String(channel)}`);
  if (typeof name !== "string" || name.length === 0 || name.length > 200) return error(400, "Event name must be 1–200 characters.");
  const text = typeof data === "string" ? data : JSON.stringify(data ?? null);
  if (Buffer.byteLength(text) > maxDataBytes) return error(413, `Event data too large: ${Buffer.byteLength(text)} bytes (limit ${maxDataBytes}).`);
  if (socket_id !== undefined && (typeof socket_id !== "string" || !/^\d+\.\d+$/.test(socket_id))) return error(400, `Invalid socket_id: ${String(socket_id)}`);
  return { channel, name, data: text, socketId: socket_id };
}

function channels(hub: SocketHub, channel: string | undefined, query: URLSearchParams): Reply {
  const occupied = hub.occupiedChannels();
  const prefix = query.get("filter_by_prefix");
  if (channel) {
    const count = occupied.get(channel) ?? 0;
    const body: Record<string, unknown> = { occupied: count > 0, subscription_count: count };
    // info=cache on a cache channel: the cached event and its remaining lifetime, as Pusher's HTTP API answers.
    const cached = (query.get("info") ?? "").split(",").includes("cache") ? hub.cachedEvent(channel) : null;
    if (cached) body.cache = { event: cached.event, data: cached.data, ttl: cached.ttlSec };
    return { status: 200, body };
  }
  const names = [...occupied.keys()].filter((name) => !prefix || name.startsWith(prefix));
  return { status: 200, body: { channels: Object.fromEntries(names.map((name) => [name, {}])) } };
}

function error(status: number, message: string): Reply {
  return { status, body: { error: message } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
