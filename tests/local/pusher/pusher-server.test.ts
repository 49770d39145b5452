import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPusherServer, type RunningPusherServer } from "@/local/pusher/server";
import { browserClient, creds, nextEvent, rawSocket, serverSdk, subscribe } from "./helpers";

// The stand-in is checked with the real `pusher` SDK publishing and real `pusher-js` listening, so the
// protocol details (signing, auth strings, message shapes) are the SDKs' and not our own assumptions.

let server: RunningPusherServer;
const clients: PusherClient[] = [];
const sdk = () => serverSdk(server.port);
const connect = async () => {
  const client = await browserClient(server.port, (socketId, channel) => sdk().authorizeChannel(socketId, channel));
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startPusherServer({ port: 0, ...creds });
});
afterEach(() => clients.splice(0).forEach((client) => client.disconnect()));
afterAll(() => server.stop());

describe("local Pusher Channels stand-in", () => {
  it("answers GET / for the launcher's health check", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
  });

  it("delivers an SDK publish on a private channel to an authorised pusher-js client", async () => {
    const client = await connect();
    await subscribe(client, "private-reports");
    const received = nextEvent(client, "private-reports", "report_status_update");
    await sdk().trigger("private-reports", "report_status_update", { report_id: 7, status: "importing", progress: 0.5 });
    expect(await received).toEqual({ report_id: 7, status: "importing", progress: 0.5 });
  });

  it("refuses a subscription whose auth was signed with the wrong secret", async () => {
    const client = await browserClient(server.port, (socketId, channel) =>
      serverSdk(server.port, { secret: "not-the-secret" }).authorizeChannel(socketId, channel),
    );
    clients.push(client);
    await expect(subscribe(client, "private-report-1")).rejects.toMatchObject({
      detail: { type: "AuthError", status: 401 },
    });
    const info = (await (await sdk().get({ path: "/channels/private-report-1" })).json()) as { occupied: boolean };
    expect(info.occupied).toBe(false);
  });

  it("rejects an HTTP publish signed with a bad secret or an unknown key with 401", async () => {
    await expect(serverSdk(server.port, { secret: "wrong" }).trigger("private-reports", "x", {})).rejects.toMatchObject({ status: 401 });
    await expect(serverSdk(server.port, { key: "other-key" }).trigger("private-reports", "x", {})).rejects.toMatchObject({ status: 401 });
  });

  it("rejects a body that does not match body_md5 with 401", async () => {
    const path = `/apps/${creds.appId}/events`;
    const query = sdk().createSignedQueryString({ method: "POST", path, body: '{"name":"a","channels":["c"],"data":"1"}' });
    const response = await fetch(`${server.url}${path}?${query}`, { method: "POST", body: '{"name":"b","channels":["c"],"data":"1"}' });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("body_md5");
  });

  it("delivers batch_events to each event's channel", async () => {
    const client = await connect();
    await subscribe(client, "private-report-1");
    await subscribe(client, "private-report-2");
    const first = nextEvent(client, "private-report-1", "report_status_update");
    const second = nextEvent(client, "private-report-2", "report_status_update");
    await sdk().triggerBatch([
      { channel: "private-report-1", name: "report_status_update", data: JSON.stringify({ report_id: 1 }) },
      { channel: "private-report-2", name: "report_status_update", data: JSON.stringify({ report_id: 2 }) },
    ]);
    expect(await first).toEqual({ report_id: 1 });
    expect(await second).toEqual({ report_id: 2 });
  });

  it("skips the socket named in socket_id and reaches the others", async () => {
    const [sender, other] = [await connect(), await connect()];
    await subscribe(sender, "private-reports");
    await subscribe(other, "private-reports");
    const seenBySender: unknown[] = [];
    sender.channel("private-reports").bind("note", (data: unknown) => seenBySender.push(data));
    const received = nextEvent(other, "private-reports", "note");
    await sdk().trigger("private-reports", "note", { n: 1 }, { socket_id: sender.connection.socket_id });
    expect(await received).toEqual({ n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenBySender).toEqual([]);
  });

  it("lists occupied channels on GET /apps/:id/channels", async () => {
    const client = await connect();
    await subscribe(client, "private-report-9");
    const body = (await (await sdk().get({ path: "/channels" })).json()) as { channels: Record<string, unknown> };
    expect(Object.keys(body.channels)).toContain("private-report-9");
  });
});

describe("websocket protocol details", () => {
  it("sends connection_established and answers pusher:ping with pusher:pong", async () => {
    const socket = await rawSocket(server.port);
    const established = await socket.waitFor("pusher:connection_established");
    expect(JSON.parse(established.data as string)).toMatchObject({ socket_id: expect.stringMatching(/^\d+\.\d+$/), activity_timeout: 120 });
    socket.send("pusher:ping", {});
    await socket.waitFor("pusher:pong");
    socket.ws.close();
  });

  it("lets anyone join a public channel without auth, and unsubscribes", async () => {
    const socket = await rawSocket(server.port);
    socket.send("pusher:subscribe", { channel: "news" });
    expect(await socket.waitFor("pusher_internal:subscription_succeeded")).toMatchObject({ channel: "news" });
    await sdk().trigger("news", "hello", "plain text");
    expect(await socket.waitFor("hello")).toEqual({ event: "hello", channel: "news", data: "plain text" });
    socket.send("pusher:unsubscribe", { channel: "news" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const channels = (await (await sdk().get({ path: "/channels" })).json()) as { channels: Record<string, unknown> };
    expect(channels.channels).not.toHaveProperty("news");
    socket.ws.close();
  });

  it("refuses an unknown app key with pusher:error 4001 and closes", async () => {
    const socket = await rawSocket(server.port, "no-such-key");
    expect((await socket.waitFor("pusher:error")).data).toMatchObject({ code: 4001 });
    expect(await socket.closed).toBe(4001);
  });

  it("pings an idle client and disconnects it when no pong comes back", async () => {
    const quick = await startPusherServer({ port: 0, ...creds, activityTimeoutSec: 0.2, pongTimeoutSec: 0.2 });
    try {
      const socket = await rawSocket(quick.port);
      await socket.waitFor("pusher:ping");
      expect(await socket.closed).toBe(4201);
    } finally {
      await quick.stop();
    }
  });

  it("keeps a client that answers the server's ping", async () => {
    const quick = await startPusherServer({ port: 0, ...creds, activityTimeoutSec: 0.2, pongTimeoutSec: 0.2 });
    try {
      const socket = await rawSocket(quick.port);
      socket.ws.on("message", (raw) => {
        if (JSON.parse(raw.toString()).event === "pusher:ping") socket.send("pusher:pong", {});
      });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(socket.messages.filter((m) => m.event === "pusher:ping").length).toBeGreaterThanOrEqual(2);
      expect(socket.ws.readyState).toBe(socket.ws.OPEN);
      socket.ws.close();
    } finally {
      await quick.stop();
    }
  });
});
