import http from "node:http";
import type { AddressInfo } from "node:net";
import { errorForMode, notFound, unauthorized, type FailureMode, type GoogleError } from "./google-errors";
import { handleControl } from "./control";
import { matchRoute, type RouteResult } from "./routes";
import { SandboxState, type FailureOptions, type RequestLogEntry } from "./sandbox-state";
import { oauthError, TokenIssuer } from "./token-endpoint";

// Local stand-in for the YouTube Data API v3, the Content ID API and Google's OAuth token endpoint, served on one
// origin because googleapis keeps only the origin of a rootUrl. Plain node:http: no framework to keep in sync.
// Every response carries `x-sandbox: true`, so data that came from here is recognisable.

export interface YouTubeSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
  setFailure(mode: FailureMode, options?: FailureOptions): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Data API units per quota day before calls answer 403 quotaExceeded; null = unlimited (the default). */
  setQuotaBudget(budget: number | null): void;
  /** Start a new quota day: the units spent go back to 0. */
  resetQuota(): void;
  quota(): { budget: number | null; used: number };
  /** Lifetime (expires_in, seconds) of access tokens issued from now on; 3600 by default. */
  setTokenLifetime(seconds: number): void;
  /** Access tokens issued so far, oldest first (tests check that none leaks). */
  issuedTokens(): string[];
  /** Items per page of claims.list and claimSearch (25 by default); each further page is another request. */
  setPageSize(size: number): void;
  pageSize(): number;
}

export interface YouTubeSandboxOptions {
  port?: number;
  host?: string;
  quotaBudget?: number | null;
  tokenLifetimeSeconds?: number;
  pageSize?: number;
}

export type { FailureMode, FailureOptions, RequestLogEntry };

export async function startYouTubeSandbox({
  port = 0,
  host = "127.0.0.1",
  quotaBudget = null,
  tokenLifetimeSeconds,
  pageSize,
}: YouTubeSandboxOptions = {}): Promise<YouTubeSandbox> {
  const state = new SandboxState();
  const tokens = new TokenIssuer();
  state.setQuotaBudget(quotaBudget);
  if (tokenLifetimeSeconds !== undefined) tokens.setLifetime(tokenLifetimeSeconds);
  if (pageSize !== undefined) state.setPageSize(pageSize);

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "x-sandbox": "true", ...headers });
    res.end(JSON.stringify(body));
  };
  const sendResult = (res: http.ServerResponse, result: RouteResult | GoogleError) =>
    send(res, result.status, result.body, "headers" in result ? result.headers : undefined);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://sandbox");
      const path = url.pathname;
      const method = req.method ?? "GET";
      const body = Buffer.concat(chunks).toString("utf8");
      const log = (status: number, failure?: FailureMode, quotaCost = 0, extra: Partial<RequestLogEntry> = {}) =>
        state.record({
          at: new Date().toISOString(),
          method,
          path,
          query: Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k).join(",")])),
          status,
          quotaCost,
          ...(failure ? { failure } : {}),
          ...extra,
        });
      if (path.startsWith("/__sandbox/")) {
        const answer = handleControl(state, tokens, method, path, body);
        return send(res, answer.status, answer.body);
      }
      if (path === "/token" && method === "POST") {
        const form = new URLSearchParams(body);
        const failure = state.takeFailure("/token", (m) => m === "invalid_token");
        const answer = failure ? oauthError(400, "invalid_grant", "Token has been expired or revoked.") : tokens.grant(form);
        send(res, answer.status, answer.body);
        return log(answer.status, failure, 0, { grantType: form.get("grant_type") ?? undefined });
      }

      const route = matchRoute(method, path, url.searchParams, { pageSize: state.pageSize() });
      // Google charges quota even for invalid Data API requests, so the cost is known before handling.
      const cost = route?.quotaCost ?? 0;
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const keyAllowed = path.startsWith("/youtube/v3/") && url.searchParams.has("key");
      let result: RouteResult;
      let failure = state.takeFailure(path, () => true);
      let charged = cost;
      if (failure) result = errorForMode(failure);
      else if (!keyAllowed && !tokens.isValid(bearer)) result = unauthorized();
      else if (state.quotaSpent(cost)) {
        failure = "quota_exceeded";
        result = errorForMode(failure);
        charged = 0;
      } else result = route ? route.handle() : notFound(`${method} ${path}`);
      sendResult(res, result);
      // An unauthenticated call cannot be billed to a project, so it costs nothing.
      log(result.status, failure, result.status === 401 ? 0 : charged);
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
    setQuotaBudget: (budget) => state.setQuotaBudget(budget),
    resetQuota: () => state.resetQuotaDay(),
    quota: () => state.quota(),
    setTokenLifetime: (seconds) => tokens.setLifetime(seconds),
    issuedTokens: () => tokens.issued(),
    setPageSize: (size) => state.setPageSize(size),
    pageSize: () => state.pageSize(),
  };
}
