import Pusher from "pusher";
import PusherClient from "pusher-js";
import WebSocket from "ws";

// Shared plumbing for the stand-in tests: the real SDKs on both sides, plus a raw socket for protocol details.

export const creds = { appId: "test-app", key: "test-key", secret: "test-secret" };

export function serverSdk(port: number, overrides: Partial<typeof creds> = {}): Pusher {
  return new Pusher({ ...creds, ...overrides, host: "127.0.0.1", port: String(port), useTLS: false });
}

type Authorize = (socketId: string, channel: string) => { auth: string };

export async function browserClient(port: number, authorize: Authorize): Promise<PusherClient> {
  const client = new PusherClient(creds.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: (params, callback) => callback(null, authorize(params.socketId, params.channelName)),
    },
  });
  await new Promise<void>((resolve, reject) => {
    client.connection.bind("connected", () => resolve());
    client.connection.bind("failed", () => reject(new Error("pusher-js could not connect")));
  });
  return client;
}

export function subscribe(client: PusherClient, channel: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = client.subscribe(channel);
    subscription.bind("pusher:subscription_succeeded", () => resolve());
    subscription.bind("pusher:subscription_error", (error: unknown) => reject(Object.assign(new Error("subscription_error"), { detail: error })));
  });
}

export function nextEvent<T>(client: PusherClient, channel: string, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} on ${channel} within ${timeoutMs} ms`)), timeoutMs);
    client.channel(channel).bind(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

export type RawMessage = { event: string; channel?: string; data: unknown };

/** A bare protocol-7 socket that records every message, for checks pusher-js would hide. */
export async function rawSocket(port: number, key = creds.key) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/app/${key}?protocol=7&client=js&version=8.6.0`);
  const messages: RawMessage[] = [];
  const waiters: Array<() => void> = [];
  ws.on("message", (raw) => {
    messages.push(JSON.parse(raw.toString()) as RawMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  async function waitFor(event: string, timeoutMs = 3000): Promise<RawMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find((m) => m.event === event);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${event}; got ${messages.map((m) => m.event).join(", ")}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }
  const send = (event: string, data: unknown, channel?: string) => ws.send(JSON.stringify({ event, data, channel }));
  return { ws, messages, closed, waitFor, send };
}
