import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { errorForMode, notFound, unauthorized, type FailureMode, type GoogleError } from "./google-errors";
import { matchRoute, type RouteResult } from "./routes";
import { SandboxState, type FailureOptions, type RequestLogEntry } from "./sandbox-state";

// Local stand-in for the YouTube Data API v3, the Content ID API and Google's OAuth token endpoint, served on one
// origin because googleapis keeps only the origin of a rootUrl. Plain node:http: no framework to keep in sync.

export interface YouTubeSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
  setFailure(mode: FailureMode, options?: FailureOptions): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
}

export type { FailureMode, FailureOptions, RequestLogEntry };

export async function startYouTubeSandbox({ port = 0, host = "127.0.0.1" } = {}): Promise<YouTubeSandbox> {
  const state = new SandboxState();
  const issuedTokens = new Set<string>();

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "x-sandbox": "true", ...headers });
    res.end(JSON.stringify(body));
  };
  const sendResult = (res: http.ServerResponse, result: RouteResult | GoogleError) =>
    send(res, result.status, result.body, "headers" in result ? result.headers : undefined);

  const handleToken = (res: http.ServerResponse, body: string, log: (status: number, failure?: FailureMode) => void) => {
    const form = new URLSearchParams(body);
    const failure = state.takeFailure("/token", (m) => m === "invalid_token");
    // OAuth errors use the RFC 6749 shape ({error, error_description}), not Google's API error shape.
    const oauthError = (status: number, error: string, description: string) => {
      send(res, status, { error, error_description: description });
      log(status, failure);
    };
    if (failure) return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
    if (form.get("grant_type") !== "refresh_token") return oauthError(400, "unsupported_grant_type", "Invalid grant_type.");
    if (!form.get("refresh_token")) return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
    if (!form.get("client_id")) return oauthError(401, "invalid_client", "The OAuth client was not found.");
    const accessToken = `ya29.sandbox-${randomBytes(12).toString("hex")}`;
    issuedTokens.add(accessToken);
    send(res, 200, {
      access_token: accessToken,
      expires_in: 3600,
      token_type: "Bearer",
      scope: "https://www.googleapis.com/auth/youtubepartner",
    });
    log(200);
  };

  const handleControl = (req: http.IncomingMessage, res: http.ServerResponse, path: string, body: string) => {
    if (path === "/__sandbox/failure" && req.method === "POST") {
      try {
        const { mode, count, endpoint } = JSON.parse(body || "{}") as { mode: FailureMode } & FailureOptions;
        state.setFailure(mode, { count, endpoint });
        return send(res, 200, state.failure());
      } catch (error) {
        return send(res, 400, { error: (error as Error).message });
      }
    }
    if (path === "/__sandbox/failure" && req.method === "GET") return send(res, 200, state.failure());
    if (path === "/__sandbox/requests" && req.method === "GET") {
      return send(res, 200, { quotaUsed: state.quotaUsed, requests: state.requests() });
    }
    if (path === "/__sandbox/requests" && req.method === "DELETE") {
      state.clearRequests();
      return send(res, 200, { cleared: true });
    }
    send(res, 404, { error: "unknown sandbox control endpoint" });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://sandbox");
      const path = url.pathname;
      const body = Buffer.concat(chunks).toString("utf8");
      const log = (status: number, failure?: FailureMode, quotaCost = 0) =>
        state.record({
          at: new Date().toISOString(),
          method: req.method ?? "GET",
          path,
          query: Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k).join(",")])),
          status,
          quotaCost,
          ...(failure ? { failure } : {}),
        });
      if (path.startsWith("/__sandbox/")) return handleControl(req, res, path, body);
      if (path === "/token" && req.method === "POST") return handleToken(res, body, log);

      const route = matchRoute(req.method ?? "GET", path, url.searchParams);
      // Google charges quota even for invalid Data API requests, so the cost is known before handling.
      const cost = route?.quotaCost ?? 0;
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const keyAllowed = path.startsWith("/youtube/v3/") && url.searchParams.has("key");
      let result: RouteResult;
      const failure = state.takeFailure(path, () => true);
      if (failure) result = errorForMode(failure);
      else if (!keyAllowed && !(bearer && issuedTokens.has(bearer))) result = unauthorized();
      else result = route ? route.handle() : notFound(`${req.method} ${path}`);
      sendResult(res, result);
      // An unauthenticated call cannot be billed to a project, so it costs nothing.
      log(result.status, failure, result.status === 401 ? 0 : cost);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    setFailure: (mode, options) => state.setFailure(mode, options),
    requests: () => state.requests(),
    clearRequests: () => state.clearRequests(),
  };
}
