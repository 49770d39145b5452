import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as processReport } from "@/app/api/process-report/route";
import { POST as uploadUrl } from "@/app/api/reports/upload-url/route";
import { POST as cancel } from "@/app/api/reports/[id]/cancel/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { POST as createUser } from "@/app/api/admin/users/route";
import { resetEnvCache } from "@/lib/env";
import { resetPusherCache } from "@/lib/realtime/pusher-server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startTestS3 } from "../helpers/local-s3";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { appOrigin, call, meteredBody, result, streamedRequest } from "./route-calls";

// Item 7 and 4 of issue 10 on the report and realtime routes: bodies are read with a cap (413 without reading a
// 10 MB body), JSON must say so (415), and state-changing requests from another site are refused (403).

type Handler = Parameters<typeof call>[0];
let tdb: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let user: TestUser;
let admin: TestUser;
const TEN_MB = 10 * 1024 * 1024;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  s3 = await startTestS3();
  Object.assign(process.env, { PUSHER_APP_ID: "app", PUSHER_KEY: "key", PUSHER_SECRET: "secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" });
  resetEnvCache();
  resetPusherCache();
  user = await createTestUser(tdb.db);
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(async () => {
  await tdb.drop();
  await s3.cleanup();
});

// Each route with its body cap, the content type its clients send, and who may call it.
const capped: { name: string; handler: Handler; path: string; cap: number; type: string; as: () => TestUser }[] = [
  { name: "process-report", handler: processReport, path: "/api/process-report", cap: 1024 * 1024, type: "application/json", as: () => user },
  { name: "upload-url", handler: uploadUrl, path: "/api/reports/upload-url", cap: 1024 * 1024, type: "application/json", as: () => user },
  { name: "realtime auth", handler: realtimeAuth, path: "/api/realtime/auth", cap: 16 * 1024, type: "application/x-www-form-urlencoded", as: () => user },
  { name: "admin users create", handler: createUser, path: "/api/admin/users", cap: 1024 * 1024, type: "application/json", as: () => admin },
];

describe("request bodies are read with a cap", () => {
  it.each(capped)("$name answers 413 to a 10 MB streamed body after reading little more than its cap", async ({ handler, path, cap, type, as }) => {
    const { stream, meter } = meteredBody(TEN_MB, cap + 64 * 1024);
    const response = await handler(await streamedRequest(path, as(), stream, { "content-type": type }), { params: Promise.resolve({}) });
    const { status, body } = await result(response);
    expect(status).toBe(413);
    expect(body).toMatchObject({ status: "error", code: "payload_too_large" });
    expect(meter.pulled).toBeGreaterThan(cap);
    expect(meter.pulled).toBeLessThanOrEqual(cap + 64 * 1024);
  });

  it.each(capped)("$name answers 413 to a declared 10 MB body without reading any of it", async ({ handler, path, type, as }) => {
    const { stream, meter } = meteredBody(TEN_MB, 0);
    const response = await handler(await streamedRequest(path, as(), stream, { "content-type": type, "content-length": String(TEN_MB) }), { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(meter.pulled).toBe(0);
  });
});

describe("content types", () => {
  const jsonRoutes = capped.filter((r) => r.type === "application/json");
  it.each(jsonRoutes)("$name refuses JSON sent as text/plain (a cross-site form can send that) with 415", async ({ handler, path, as }) => {
    const { status, body } = await result(await call(handler, path, { user: as(), body: '{"files":[]}', headers: { "content-type": "text/plain" } }));
    expect([status, body.code]).toEqual([415, "unsupported_media_type"]);
  });

  it("realtime auth takes pusher-js's form or JSON, nothing else", async () => {
    const form = "socket_id=123.456&channel_name=private-reports";
    const plain = await call(realtimeAuth, "/api/realtime/auth", { user, body: form, headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const ok = await call(realtimeAuth, "/api/realtime/auth", { user, body: form, headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" } });
    expect(await result(ok)).toMatchObject({ status: 200, body: { auth: expect.stringMatching(/^key:[0-9a-f]{64}$/) } });
    const json = await call(realtimeAuth, "/api/realtime/auth", { user, body: { socket_id: "123.456", channel_name: "private-report-7" } });
    expect(json.status).toBe(200);
  });
});

describe("cross-site requests", () => {
  const otherPort = () => ({ origin: `http://127.0.0.1:${Number(new URL(appOrigin()).port || 80) + 1}` });
  const foreign = () => [{ origin: "https://evil.example" }, otherPort(), { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
  const unsafe: { name: string; handler: Handler; path: string; body: unknown; params?: Record<string, string>; as: () => TestUser }[] = [
    { name: "process-report", handler: processReport, path: "/api/process-report", body: { files: ["reports/x.csv"] }, as: () => user },
    { name: "upload-url", handler: uploadUrl, path: "/api/reports/upload-url", body: { filename: "x.csv", size: 1 }, as: () => user },
    { name: "cancel", handler: cancel, path: "/api/reports/1/cancel", body: {}, params: { id: "1" }, as: () => user },
    { name: "realtime auth", handler: realtimeAuth, path: "/api/realtime/auth", body: { socket_id: "1.2", channel_name: "private-reports" }, as: () => user },
    { name: "admin users create", handler: createUser, path: "/api/admin/users", body: { email: "x@example.test", password: "long enough password" }, as: () => admin },
  ];

  it.each(unsafe)("$name refuses a foreign Origin or Sec-Fetch-Site with 403 before doing anything", async ({ handler, path, body, params, as }) => {
    for (const headers of foreign()) {
      const { status, body: error } = await result(await call(handler, path, { user: as(), body, params, headers }));
      expect([status, error.code], JSON.stringify(headers)).toEqual([403, "forbidden"]);
      expect(error.message).toMatch(/Cross-site request refused/);
    }
  });

  it("lets the app's own pages through (Origin and Sec-Fetch-Site of the app)", async () => {
    const own = { origin: appOrigin(), "sec-fetch-site": "same-origin" };
    const upload = await call(uploadUrl, "/api/reports/upload-url", { user, body: { filename: "same-origin.csv", size: 3 }, headers: own });
    expect(upload.status).toBe(200);
    const auth = await call(realtimeAuth, "/api/realtime/auth", { user, body: { socket_id: "1.2", channel_name: "private-reports" }, headers: { origin: appOrigin().replace("127.0.0.1", "localhost") } });
    expect(auth.status).toBe(200);
    const created = await call(createUser, "/api/admin/users", { user: admin, body: { email: "same-origin@example.test", password: "long enough password" }, headers: own });
    expect(created.status).toBe(201);
  });
});
