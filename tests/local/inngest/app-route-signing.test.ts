import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { serveRouteHandlers, type RouteServer } from "@/local/http/serve-route-handlers";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import { canonicalize, signatureHeader } from "@/local/inngest/signing";
import type { FunctionConfig } from "@/local/inngest/function-registry";

// The app's real /api/inngest route served over HTTP, with the local executor as its Inngest. A forged Host header
// once re-registered every function at the attacker's URL through an unsigned PUT.
const signingKey = `signkey-test-${"5eed".repeat(16)}`;
const attacker = "attacker.example";
let appPort: number;
let appUrl: string;
let app: RouteServer;
let executor: ExecutorHandle;
let dataDir: string;

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A raw HTTP request, so the Host header can say anything (fetch would not let a test forge it). */
function send(method: string, options: { host?: string; headers?: Record<string, string>; body?: string; query?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: appPort, method, path: `/api/inngest${options.query ?? ""}`, headers: { host: options.host ?? `127.0.0.1:${appPort}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const signed = (body: string, key = signingKey, now = Date.now()) => ({ "x-inngest-signature": signatureHeader(body, key, now), "content-type": "application/json" });
const inBandSync = (url: string) => canonicalize({ url });
const stepUrls = (functions: FunctionConfig[]) => functions.flatMap((f) => Object.values(f.steps).map((s) => s.runtime.url));

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "inngest-route-"));
  executor = await startExecutor({ port: 0, appUrl: `${appUrl}/api/inngest`, signingKey, eventKey: "route-event-key", dataDir, pollMs: 50, resyncMs: 600_000, log: () => {} });
  // INNGEST_DEV=1 would put a client without `isDev: false` into dev mode, where nothing is verified.
  Object.assign(process.env, { APP_URL: appUrl, INNGEST_BASE_URL: executor.url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: "route-event-key", INNGEST_DEV: "1" });
  resetEnvCache();
  app = await serveRouteHandlers({ "/api/inngest": await import("@/app/api/inngest/route") }, appPort);
  expect(await executor.sync()).toMatchObject({ ok: true, kind: "in_band" });
});
afterAll(async () => {
  await executor?.stop();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("/api/inngest with the local executor", () => {
  it("refuses an unsigned sync with a forged Host and registers nothing", async () => {
    const before = executor.executor.registry.list();
    expect(stepUrls(before).every((u) => u.startsWith(`${appUrl}/api/inngest`))).toBe(true);

    const outOfBand = await send("PUT", { host: attacker, headers: { "content-type": "application/json" }, body: "{}" });
    expect(outOfBand.status).toBe(401);
    const inBand = await send("PUT", { host: attacker, headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" }, body: inBandSync(`http://${attacker}/api/inngest`) });
    expect(inBand.status).toBe(401);
    expect(inBand.body).not.toContain(attacker);

    expect(executor.executor.registry.list()).toEqual(before);
    expect(executor.executor.registry.appUrl).toBe(`${appUrl}/api/inngest`);
  });

  it("refuses unsigned, wrongly signed and expired GET, POST and PUT", async () => {
    const body = canonicalize({ event: { name: "x", data: {} }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0 } });
    const otherKey = `signkey-test-${"0bad".repeat(16)}`;
    const attempts: Answer[] = [
      await send("GET"),
      await send("GET", { headers: signed("", otherKey) }),
      await send("POST", { query: "?fnId=catalog-import-report&stepId=step", headers: { "content-type": "application/json" }, body }),
      await send("POST", { query: "?fnId=catalog-import-report&stepId=step", headers: signed(body, otherKey), body }),
      await send("PUT", { headers: { ...signed(inBandSync(`${appUrl}/api/inngest`), otherKey), "x-inngest-sync-kind": "in_band" }, body: inBandSync(`${appUrl}/api/inngest`) }),
      // Signed with the right key ten minutes ago: a replayed request.
      await send("PUT", { headers: { ...signed(inBandSync(`${appUrl}/api/inngest`), signingKey, Date.now() - 600_000), "x-inngest-sync-kind": "in_band" }, body: inBandSync(`${appUrl}/api/inngest`) }),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(401);
      expect(answer.body).not.toContain("import-report");
    }
  });

  it("accepts a signed sync and registers APP_URL, whatever the Host header and the signed body say", async () => {
    const body = inBandSync(`http://${attacker}/api/inngest`);
    const answer = await send("PUT", { host: attacker, headers: { ...signed(body), "x-inngest-sync-kind": "in_band" }, body });
    expect(answer.status).toBe(200);
    const registered = JSON.parse(answer.body) as { url: string; functions: FunctionConfig[] };
    expect(registered.url).toBe(`${appUrl}/api/inngest`);
    expect(registered.functions.map((f) => f.id).sort()).toEqual(["catalog-drain-enrichment", "catalog-import-report", "catalog-import-report-failure"]);
    expect(stepUrls(registered.functions).every((u) => u.startsWith(`${appUrl}/api/inngest?`))).toBe(true);
  });

  it("answers signed GET and POST requests", async () => {
    const introspection = await send("GET", { host: attacker, headers: signed("") });
    expect(introspection.status).toBe(200);
    expect(JSON.parse(introspection.body)).toMatchObject({ mode: "cloud", function_count: 3, authentication_succeeded: true });

    // Past the signature check the SDK looks the function up: an unknown one is its error, not ours.
    const body = canonicalize({ event: { name: "x", data: {} }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0 } });
    const call = await send("POST", { query: "?fnId=catalog-no-such-function&stepId=step", headers: signed(body), body });
    expect(call.status).not.toBe(401);
    expect(call.body).toMatch(/catalog-no-such-function/);
  });
});

describe("/api/inngest against Inngest Cloud (no INNGEST_BASE_URL)", () => {
  async function hostedRoute(env: Record<string, string | undefined>) {
    vi.resetModules();
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    (await import("@/lib/env")).resetEnvCache();
    return import("@/app/api/inngest/route");
  }
  const request = (method: string, headers: Record<string, string> = {}, body?: string) =>
    new NextRequest(`http://${attacker}/api/inngest`, { method, headers: { host: attacker, ...headers }, body });

  it("refuses an unsigned sync before calling Inngest, and registers APP_URL on a signed one", async () => {
    const route = await hostedRoute({ INNGEST_BASE_URL: undefined, APP_URL: "https://catalog.example.com", INNGEST_SIGNING_KEY: signingKey });
    expect((await route.PUT(request("PUT", { "content-type": "application/json" }, "{}"), undefined)).status).toBe(401);
    expect((await route.GET(request("GET"), undefined)).status).toBe(401);

    const body = inBandSync(`http://${attacker}/api/inngest`);
    const answer = await route.PUT(request("PUT", { ...signed(body), "x-inngest-sync-kind": "in_band" }, body), undefined);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { url: string }).url).toBe("https://catalog.example.com/api/inngest");
  });

  it("serves nothing without a signing key", async () => {
    const route = await hostedRoute({ INNGEST_BASE_URL: undefined, INNGEST_SIGNING_KEY: undefined });
    for (const method of ["GET", "PUT"] as const) {
      const answer = await route[method](request(method, { "content-type": "application/json" }, method === "PUT" ? "{}" : undefined), undefined);
      expect(answer.status, method).toBe(500);
    }
  });
});
