import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isCacheChannel } from "@/local/pusher/socket-hub";
import { startPusherServer, type RunningPusherServer } from "@/local/pusher/server";
import { browserClient, creds, rawSocket, serverSdk } from "./helpers";

// Cache channels as Pusher serves them: a new subscriber gets the last server event at once (or
// pusher:cache_miss), checked with the real `pusher` SDK publishing and real `pusher-js` subscribing.

let server: RunningPusherServer;
const clients: PusherClient[] = [];
const sdk = () => serverSdk(server.port);
const connect = async () => {
  const client = await browserClient(server.port, (socketId, channel) => sdk().authorizeChannel(socketId, channel));
  clients.push(client);
  return client;
};

/** Subscribes and resolves with the first event the channel delivers after subscription (its name and data). */
function firstEventAfterSubscribe(client: PusherClient, channel: string): Promise<{ event: string; data: unknown }> {
  return new Promise((resolve, reject) => {
    const subscription = client.subscribe(channel);
    const timer = setTimeout(() => reject(new Error(`nothing on ${channel} after subscribing`)), 3000);
    subscription.bind_global((event: string, data: unknown) => {
      if (event === "pusher:subscription_succeeded") return;
      clearTimeout(timer);
      resolve({ event, data });
    });
  });
}

beforeAll(async () => {
  server = await startPusherServer({ port: 0, ...creds });
});
afterEach(() => clients.splice(0).forEach((client) => client.disconnect()));
afterAll(() => server.stop());

describe("cache channels", () => {
  it("recognises Pusher's cache prefixes only", () => {
    for (const name of ["cache-x", "private-cache-dashboard", "private-encrypted-cache-x", "presence-cache-x"]) expect(isCacheChannel(name)).toBe(true);
    for (const name of ["private-reports", "cachex", "private-cachex", "x-cache-y"]) expect(isCacheChannel(name)).toBe(false);
  });

  it("sends pusher:cache_miss to a subscriber when nothing was published yet", async () => {
    const client = await connect();
    expect(await firstEventAfterSubscribe(client, "private-cache-empty")).toMatchObject({ event: "pusher:cache_miss" });
  });

  it("gives a new subscriber the last event published before it subscribed, then live events", async () => {
    await sdk().trigger("private-cache-board", "state", { n: 1 });
    await sdk().trigger("private-cache-board", "state", { n: 2 });
    const client = await connect();
    expect(await firstEventAfterSubscribe(client, "private-cache-board")).toEqual({ event: "state", data: { n: 2 } });

    const live = new Promise((resolve) => client.channel("private-cache-board").bind("state", resolve));
    await sdk().trigger("private-cache-board", "state", { n: 3 });
    expect(await live).toEqual({ n: 3 });
  });

  it("still demands a valid signature on a private cache channel", async () => {
    await sdk().trigger("private-cache-guarded", "state", { secret: true });
    const socket = await rawSocket(server.port);
    await socket.waitFor("pusher:connection_established");
    socket.send("pusher:subscribe", { channel: "private-cache-guarded", auth: `${creds.key}:forged` });
    expect(await socket.waitFor("pusher:subscription_error")).toMatchObject({ channel: "private-cache-guarded" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.messages.map((m) => m.event)).not.toContain("state");
    socket.ws.close();
  });

  it("orders the replay after subscription_succeeded and leaves ordinary channels without one", async () => {
    await sdk().trigger("cache-public", "state", "hello");
    await sdk().trigger("news-plain", "state", "not cached");
    const socket = await rawSocket(server.port);
    socket.send("pusher:subscribe", { channel: "cache-public" });
    socket.send("pusher:subscribe", { channel: "news-plain" });
    await socket.waitFor("state");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const events = socket.messages.filter((m) => m.channel).map((m) => `${m.channel} ${m.event}`);
    expect(events).toEqual([
      "cache-public pusher_internal:subscription_succeeded",
      "cache-public state",
      "news-plain pusher_internal:subscription_succeeded",
    ]);
    socket.ws.close();
  });

  it("does not cache client events", async () => {
    const sender = await connect();
    await new Promise<void>((resolve) => {
      const subscription = sender.subscribe("private-cache-chat");
      subscription.bind("pusher:subscription_succeeded", () => resolve());
    });
    sender.channel("private-cache-chat").trigger("client-typing", { who: "a" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await connect();
    expect(await firstEventAfterSubscribe(other, "private-cache-chat")).toMatchObject({ event: "pusher:cache_miss" });
  });

  it("reports the cached event over the HTTP API (info=cache) and forgets it after the TTL", async () => {
    const quick = await startPusherServer({ port: 0, ...creds, cacheTtlSec: 0.3 });
    try {
      const quickSdk = serverSdk(quick.port);
      await quickSdk.trigger("cache-ttl", "state", { n: 1 });
      const info = (await (await quickSdk.get({ path: "/channels/cache-ttl", params: { info: "cache" } })).json()) as { cache?: { event: string; data: string } };
      expect(info.cache).toMatchObject({ event: "state", data: JSON.stringify({ n: 1 }) });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const socket = await rawSocket(quick.port);
      socket.send("pusher:subscribe", { channel: "cache-ttl" });
      expect(await socket.waitFor("pusher:cache_miss")).toEqual({ event: "pusher:cache_miss", channel: "cache-ttl" });
      socket.ws.close();
    } finally {
      await quick.stop();
    }
  });
});
