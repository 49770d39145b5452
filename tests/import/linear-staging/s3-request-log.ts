import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the app sent to the bucket: what it asked for and how many body bytes came back. */
export type LoggedRequest = { method: string; key: string; range: string | null; ifMatch: string | null; status: number; bytes: number };

export type S3RequestLog = { url: string; requests: LoggedRequest[]; clear: () => void; stop: () => Promise<void> };

/**
 * An HTTP proxy in front of the S3 stand-in that records every request (object key, Range, If-Match) and the
 * response body bytes it passed on: the tests read from it how much of the bucket each staging step fetched.
 */
export async function startS3RequestLog(target: { host: string; port: number }): Promise<S3RequestLog> {
  const requests: LoggedRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://proxy");
    // Path-style addressing: /<bucket>/<key>.
    const key = decodeURIComponent(url.pathname.split("/").slice(2).join("/"));
    // Logged on arrival (a step may abandon a response after it ended); bytes and status fill in as they come.
    const entry: LoggedRequest = {
      method: request.method ?? "",
      key,
      range: request.headers.range ?? null,
      ifMatch: (request.headers["if-match"] as string | undefined) ?? null,
      status: 0,
      bytes: 0,
    };
    requests.push(entry);
    const upstream = http.request(
      { host: target.host, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => {
          entry.bytes += chunk.length;
          if (!response.write(chunk)) {
            answer.pause();
            response.once("drain", () => answer.resume());
          }
        });
        answer.on("end", () => response.end());
        response.on("close", () => answer.destroy());
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    clear: () => void requests.splice(0),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
