import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { handleApiRequest } from "./http-api";
import type { Credentials } from "./signature";
import { SocketHub } from "./socket-hub";

// A local Pusher Channels: one port serves the HTTP events API (what the `pusher` SDK calls) and the
// protocol-7 websocket at /app/:key (what `pusher-js` connects to), so PUSHER_HOST/PORT point at both.

export type PusherServerOptions = Credentials & {
  port: number;
  host?: string;
  /** Seconds of silence before the server pings a client (Pusher's default is 120). */
  activityTimeoutSec?: number;
  /** Seconds a pinged client has to answer before it is disconnected (Pusher uses 30). */
  pongTimeoutSec?: number;
  /** Seconds a cache channel keeps its last event (Pusher keeps it 30 minutes). */
  cacheTtlSec?: number;
};

export type RunningPusherServer = { url: string; port: number; stop(): Promise<void> };

export async function startPusherServer(options: PusherServerOptions): Promise<RunningPusherServer> {
  const creds: Credentials = { appId: options.appId, key: options.key, secret: options.secret };
  const hub = new SocketHub({ ...creds, activityTimeoutSec: options.activityTimeoutSec ?? 120, pongTimeoutSec: options.pongTimeoutSec ?? 30, cacheTtlSec: options.cacheTtlSec });
  const wss = new WebSocketServer({ noServer: true });

  const server = createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/" || req.url === "/health")) {
      res.writeHead(200, { "content-type": "text/plain" }).end("local pusher: ok\n");
      return;
    }
    handleApiRequest(req, res, creds, hub).catch((error: unknown) => {
      console.error("[pusher] request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "Internal error in the local Pusher stand-in." }));
    });
  });

  server.on("upgrade", (req, socket, head) => {
    const match = /^\/app\/([^/?]+)/.exec(req.url ?? "");
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    const protocol = Number(new URL(req.url ?? "/", "http://localhost").searchParams.get("protocol") ?? 7);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (protocol < 5) {
        // 4007: "unsupported protocol version", as Pusher answers old clients.
        ws.send(JSON.stringify({ event: "pusher:error", data: { code: 4007, message: `Unsupported protocol version ${protocol}.` } }));
        ws.close(4007, "Unsupported protocol version");
        return;
      }
      hub.attach(ws, decodeURIComponent(match[1]));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      hub.close();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
