import net from "node:net";
import { WebSocketServer } from "ws";

// Neon's serverless driver speaks the Postgres wire protocol over a WebSocket. This tiny proxy lets it reach a
// plain PostgreSQL server, so the production driver path runs in tests (`neonConfig.wsProxy`).
export async function startNeonWsProxy(port = 0): Promise<{ address: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port });
  server.on("connection", (socket, request) => {
    const target = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const [host, portText] = target.split(":");
    const tcp = net.connect({ host, port: Number(portText) });
    const pending: Buffer[] = [];
    let open = false;
    tcp.on("connect", () => {
      open = true;
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => (open ? tcp.write(data) : pending.push(data)));
    tcp.on("data", (data) => socket.send(data));
    const closeBoth = () => {
      tcp.destroy();
      socket.close();
    };
    tcp.on("error", closeBoth);
    tcp.on("close", closeBoth);
    socket.on("close", () => tcp.destroy());
    socket.on("error", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.on("listening", () => resolve()));
  const { port: actual } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
