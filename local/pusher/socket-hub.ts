import { randomInt } from "node:crypto";
import type { WebSocket } from "ws";
import { verifyChannelAuth, type Credentials } from "./signature";

// The websocket side of Pusher Channels protocol 7: connections, subscriptions, delivery and keep-alive.
// Messages are {event, channel?, data} where `data` of a published event is the string the SDK sent.
// Cache channels (cache-*, private-cache-*, …) remember the last event the server published and give it to each
// new subscriber right after subscription_succeeded, or `pusher:cache_miss` when there is none (Pusher keeps a
// cached event for 30 minutes; so do we, unless a test asks for less).

type Connection = { ws: WebSocket; socketId: string; channels: Set<string>; idle?: NodeJS.Timeout; pong?: NodeJS.Timeout };
type Message = { event?: unknown; channel?: unknown; data?: unknown };

export type HubOptions = Credentials & { activityTimeoutSec: number; pongTimeoutSec: number; cacheTtlSec?: number };

type CachedEvent = { event: string; data: string; storedAt: number };
const defaultCacheTtlSec = 30 * 60;

/** Pusher's cache channel prefixes: public, private, encrypted and presence variants. */
export function isCacheChannel(channel: string): boolean {
  return /^(cache-|private-cache-|private-encrypted-cache-|presence-cache-)/.test(channel);
}

export class SocketHub {
  private readonly subscribers = new Map<string, Set<Connection>>();
  private readonly connections = new Set<Connection>();
  private readonly cache = new Map<string, CachedEvent>();

  constructor(private readonly options: HubOptions) {}

  /** Called for each upgraded socket; `appKey` is the :key from /app/:key. */
  attach(ws: WebSocket, appKey: string): void {
    if (appKey !== this.options.key) {
      // 4001 "application does not exist": pusher-js treats 4000–4099 as fatal and does not reconnect.
      send(ws, { event: "pusher:error", data: { code: 4001, message: `App key ${appKey} not in this cluster. Check PUSHER_KEY.` } });
      ws.close(4001, "Application does not exist");
      return;
    }
    const conn: Connection = { ws, socketId: `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`, channels: new Set() };
    this.connections.add(conn);
    ws.on("message", (raw) => this.receive(conn, raw.toString()));
    ws.on("close", () => this.drop(conn));
    ws.on("error", () => this.drop(conn));
    send(ws, {
      event: "pusher:connection_established",
      data: JSON.stringify({ socket_id: conn.socketId, activity_timeout: this.options.activityTimeoutSec }),
    });
    this.touch(conn);
  }

  /** An event from the HTTP API: delivered to every subscriber except `excludeSocketId`, and cached on a cache channel. */
  publish(channel: string, event: string, data: string, excludeSocketId?: string): void {
    if (isCacheChannel(channel)) this.cache.set(channel, { event, data, storedAt: Date.now() });
    this.deliver(channel, event, data, excludeSocketId);
  }

  private deliver(channel: string, event: string, data: string, excludeSocketId?: string): void {
    for (const conn of this.subscribers.get(channel) ?? []) {
      if (conn.socketId !== excludeSocketId) send(conn.ws, { event, channel, data });
    }
  }

  /** The event a new subscriber of a cache channel would get now, with its remaining lifetime; null on a miss. */
  cachedEvent(channel: string): { event: string; data: string; ttlSec: number } | null {
    const cached = this.cache.get(channel);
    if (!cached) return null;
    const leftMs = cached.storedAt + (this.options.cacheTtlSec ?? defaultCacheTtlSec) * 1000 - Date.now();
    if (leftMs <= 0) {
      this.cache.delete(channel);
      return null;
    }
    return { event: cached.event, data: cached.data, ttlSec: Math.ceil(leftMs / 1000) };
  }

  occupiedChannels(): Map<string, number> {
    return new Map([...this.subscribers].map(([name, conns]) => [name, conns.size]));
  }

  close(): void {
    for (const conn of this.connections) conn.ws.terminate();
    for (const conn of [...this.connections]) this.drop(conn);
  }

  private receive(conn: Connection, raw: string): void {
    this.touch(conn);
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return send(conn.ws, { event: "pusher:error", data: { code: null, message: "Messages must be JSON." } });
    }
    const event = String(message.event ?? "");
    // Some clients send the data of pusher:* events as a JSON string rather than an object.
    const data = event.startsWith("pusher:") && typeof message.data === "string" ? safeParse(message.data) : message.data;
    if (event === "pusher:ping") return send(conn.ws, { event: "pusher:pong", data: "{}" });
    if (event === "pusher:pong") return;
    if (event === "pusher:subscribe") return this.subscribe(conn, (data ?? {}) as Record<string, unknown>);
    if (event === "pusher:unsubscribe") return this.unsubscribe(conn, String((data as Record<string, unknown>)?.channel ?? ""));
    if (event.startsWith("client-")) return this.clientEvent(conn, event, String(message.channel ?? ""), message.data);
  }

  private subscribe(conn: Connection, data: Record<string, unknown>): void {
    const channel = String(data.channel ?? "");
    if (!channel) return send(conn.ws, { event: "pusher:error", data: { code: null, message: "pusher:subscribe needs data.channel." } });
    const refusal = this.refuse(conn, channel, data.auth);
    if (refusal) {
      // pusher-js surfaces the channel-scoped event to channel.bind("pusher:subscription_error", ...).
      send(conn.ws, { event: "pusher:subscription_error", channel, data: { type: "AuthError", error: refusal, status: 401 } });
      return send(conn.ws, { event: "pusher:error", data: { code: 4009, message: refusal } });
    }
    conn.channels.add(channel);
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(conn);
    this.subscribers.set(channel, set);
    send(conn.ws, { event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
    if (isCacheChannel(channel)) this.replayCache(conn, channel);
  }

  private replayCache(conn: Connection, channel: string): void {
    const cached = this.cachedEvent(channel);
    send(conn.ws, cached ? { event: cached.event, channel, data: cached.data } : { event: "pusher:cache_miss", channel });
  }

  private refuse(conn: Connection, channel: string, auth: unknown): string | null {
    if (channel.startsWith("presence-")) return "Presence channels are not supported by the local Pusher stand-in.";
    if (!channel.startsWith("private-")) return null;
    return verifyChannelAuth(this.options, conn.socketId, channel, auth)
      ? null
      : `Invalid signature: auth for ${channel} was not signed for socket ${conn.socketId} with this app's secret.`;
  }

  private unsubscribe(conn: Connection, channel: string): void {
    conn.channels.delete(channel);
    const set = this.subscribers.get(channel);
    set?.delete(conn);
    if (set?.size === 0) this.subscribers.delete(channel);
  }

  /** Like Pusher: client events only on private channels the sender joined, never echoed back; only server events are cached. */
  private clientEvent(conn: Connection, event: string, channel: string, data: unknown): void {
    if (!channel.startsWith("private-") || !conn.channels.has(channel)) {
      return send(conn.ws, { event: "pusher:error", data: { code: null, message: `Client event rejected: ${event} needs a private channel you are subscribed to.` } });
    }
    this.deliver(channel, event, typeof data === "string" ? data : JSON.stringify(data), conn.socketId);
  }

  /** Any message counts as activity; after activity_timeout of silence we ping, and close if no pong follows. */
  private touch(conn: Connection): void {
    clearTimeout(conn.idle);
    clearTimeout(conn.pong);
    conn.pong = undefined;
    conn.idle = setTimeout(() => {
      send(conn.ws, { event: "pusher:ping", data: "{}" });
      conn.pong = setTimeout(() => conn.ws.close(4201, "Pong reply not received"), this.options.pongTimeoutSec * 1000);
    }, this.options.activityTimeoutSec * 1000);
  }

  private drop(conn: Connection): void {
    clearTimeout(conn.idle);
    clearTimeout(conn.pong);
    for (const channel of conn.channels) this.unsubscribe(conn, channel);
    this.connections.delete(conn);
  }
}

function send(ws: WebSocket, message: { event: string; channel?: string; data?: unknown }): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
