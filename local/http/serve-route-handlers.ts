import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

// Route handlers are typed against NextRequest or Request; they receive a plain Request here, which all of ours accept.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", (request: any, context: any) => Promise<Response>>>;

export type RouteServer = { url: string; port: number; stop: () => Promise<void> };

/**
 * Serves the app's own web-standard route handlers over plain Node HTTP, without Next. The benchmark and the
 * end-to-end tests use it to run exactly the handler code (e.g. `/api/inngest`) in a process of their own.
 */
export async function serveRouteHandlers(routes: Record<string, RouteModule>, port = 0): Promise<RouteServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const handler = routes[url.pathname]?.[req.method as keyof RouteModule];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [])) as [string, string][],
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        // @ts-expect-error Node's fetch needs this for streamed request bodies.
        duplex: "half",
      });
      const response = await handler(request, { params: Promise.resolve({}) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (!response.body) return void res.end();
      // Streamed, as Next streams it: an export of a million rows must not be buffered here. A client that goes
      // away cancels the body, which stops the handler's query loop.
      const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
      res.on("close", () => body.destroy());
      body.on("error", () => res.destroy());
      body.pipe(res);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? error.stack : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
