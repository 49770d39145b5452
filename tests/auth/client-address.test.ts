import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Auth } from "@auth/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, PEER_ADDRESS_HEADER, stampPeerAddresses } from "@/lib/auth/client-address";
import { authConfig } from "@/lib/auth/config";
import { findUserById } from "@/lib/auth/users";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret } from "../helpers/session";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  const forged = { "x-forwarded-for": "6.6.6.6", [PEER_ADDRESS_HEADER]: "127.0.0.9" };

  it("with no trusted proxy: the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers(forged), { trustedHops: 0, peerHooked: true })).toBe("127.0.0.9");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "::ffff:10.1.2.3" }), { trustedHops: 0, peerHooked: true })).toBe("10.1.2.3");
  });

  it("without the server hook the peer header is anyone's: no address at all", () => {
    expect(clientAddress(headers(forged), { trustedHops: 0, peerHooked: false })).toBeNull();
  });

  it("with N trusted proxies: the Nth address from the right of X-Forwarded-For", () => {
    const chain = { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.3" };
    expect(clientAddress(headers(chain), { trustedHops: 1, peerHooked: true })).toBe("10.0.0.2");
    expect(clientAddress(headers(chain), { trustedHops: 2, peerHooked: true })).toBe("203.0.113.5");
    // Fewer entries than proxies: the request did not come through them, so the peer is the client.
    expect(clientAddress(headers(chain), { trustedHops: 4, peerHooked: true })).toBe("10.0.0.3");
    expect(clientAddress(headers({ "x-forwarded-for": "not-an-address" }), { trustedHops: 1, peerHooked: true })).toBeNull();
  });

  it("accepts only IP addresses", () => {
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    for (const bad of ["", "localhost", "1.2.3.4:80", "1.2.3.4, 5.6.7.8", null]) expect(normalizeAddress(bad)).toBeNull();
  });
});

// The whole path over real sockets: a Node HTTP server that treats X-Forwarded-For as `next start` does (it
// fills it from the socket only when the client sent none, next/dist/server/base-server.js), with the peer
// hook installed as instrumentation.ts installs it, serving the real Auth.js credentials flow. Each client
// connects from its own loopback address (127.0.0.x), so the server sees different TCP peers.
describe("sign-in over a socket", () => {
  let tdb: TestDatabase;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    ensureAuthSecret();
    tdb = await createTestDatabase();
    stampPeerAddresses();
    server = http.createServer(async (req, res) => {
      req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
      const url = new URL(req.url ?? "/", "http://127.0.0.1:3000");
      const hasBody = req.method === "POST";
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])) as [string, string][],
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        // @ts-expect-error Node's fetch needs this for streamed request bodies.
        duplex: "half",
      });
      const response = await Auth(request, { ...authConfig(), basePath: "/api/auth" });
      for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
      res.setHeader("set-cookie", response.headers.getSetCookie());
      res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await tdb.drop();
  });
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
    resetEnvCache();
  });

  type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
  function send(from: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers, localAddress: from }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      request.on("error", reject);
      request.end(options.body);
    });
  }

  /** The credentials sign-in a browser performs; returns the code Auth.js redirects with ("ok" on success). */
  async function signIn(from: string, email: string, password: string, forwardedFor?: string): Promise<string> {
    const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor, [PEER_ADDRESS_HEADER]: forwardedFor } : {};
    const csrf = await send(from, "/api/auth/csrf", { headers: extra });
    const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    const body = new URLSearchParams({ email, password, csrfToken: JSON.parse(csrf.body).csrfToken, callbackUrl: "/" }).toString();
    const reply = await send(from, "/api/auth/callback/credentials", {
      method: "POST",
      headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const location = new URL(String(reply.headers.location), "http://x/");
    return location.searchParams.get("code") ?? (location.pathname === "/" ? "ok" : location.toString());
  }

  it("rotating X-Forwarded-For does not get around the per-address limit", async () => {
    const user = await createTestUser(tdb.db, { email: "rotated@example.test" });
    for (let i = 0; i < 10; i++) {
      expect(await signIn("127.0.0.21", `guess${i}@example.test`, "wrong guess", `198.51.100.${i}`)).toBe("invalid_credentials");
    }
    expect(await signIn("127.0.0.21", user.email, "correct horse battery", "198.51.100.200")).toMatch(/^slowed_down:\d+$/);
  });

  it("claiming to be the victim's address does not slow the victim down", async () => {
    const victim = await createTestUser(tdb.db, { email: "victim@example.test" });
    for (let i = 0; i < 12; i++) await signIn("127.0.0.22", `nobody${i}@example.test`, "wrong guess", "127.0.0.23");
    expect(await signIn("127.0.0.23", victim.email, "correct horse battery")).toBe("ok");
  });

  it("login metadata records the TCP peer, not a claimed address", async () => {
    const user = await createTestUser(tdb.db, { email: "where@example.test" });
    expect(await signIn("127.0.0.24", user.email, "correct horse battery", "203.0.113.99")).toBe("ok");
    expect(await findUserById(tdb.db, user.id)).toMatchObject({ currentLoginIp: "127.0.0.24", loginCount: 1 });
  });

  it("behind a trusted proxy (TRUSTED_PROXY_HOPS=1) the address that proxy appended counts", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvCache();
    const user = await createTestUser(tdb.db, { email: "proxied@example.test" });
    expect(await signIn("127.0.0.25", user.email, "correct horse battery", "6.6.6.6, 192.0.2.44")).toBe("ok");
    expect(await findUserById(tdb.db, user.id)).toMatchObject({ currentLoginIp: "192.0.2.44" });
  });
});
