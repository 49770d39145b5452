import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/admin/dashboard-tokens/route";
import { DELETE } from "@/app/api/admin/dashboard-tokens/[id]/route";
import { dashboardTokens } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";

// The admin side of dashboard tokens: created once with the secret in the response only, listed without it,
// revoked (never deleted). The route sweep covers 401/403 for every method; these pin the same here by name.

let tdb: TestDatabase;
let admin: TestUser;
let user: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin", email: "dash-admin@example.test" });
  user = await createTestUser(tdb.db, { role: "user" });
});
afterAll(() => tdb.drop());

const create = async (as: TestUser, body: unknown) => POST(await signedInRequest("/api/admin/dashboard-tokens", { user: as, body }), routeContext());
const list = async (as: TestUser) => GET(await signedInRequest("/api/admin/dashboard-tokens", { user: as }), routeContext());
const revoke = async (as: TestUser, id: string) =>
  DELETE(await signedInRequest(`/api/admin/dashboard-tokens/${id}`, { user: as, method: "DELETE" }), routeContext({ id }));

describe("dashboard token routes", () => {
  it("creates a token shown once, stores only its SHA-256 and lists it without the secret", async () => {
    const response = await create(admin, { name: "  Ops room TV  " });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.token).toMatch(/^dsh_[A-Za-z0-9_-]{43}$/);
    expect(body.dashboard_url).toBe(`${new URL("/dashboard", process.env.APP_URL ?? "http://127.0.0.1:3000")}?token=${body.token}`);
    expect(body.dashboard_token).toMatchObject({ name: "Ops room TV", token_prefix: body.token.slice(0, 12), created_by: "dash-admin@example.test", last_used_at: null, revoked_at: null });

    const [row] = await tdb.db.select().from(dashboardTokens).where(eq(dashboardTokens.id, body.dashboard_token.id));
    expect(row.tokenHash).toBe(createHash("sha256").update(body.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(body.token);

    const listed = await (await list(admin)).json();
    expect(listed.dashboard_tokens[0]).toEqual(body.dashboard_token);
    expect(JSON.stringify(listed)).not.toContain(body.token);
  });

  it("gives every token its own secret", async () => {
    const [a, b] = await Promise.all([create(admin, { name: "A" }), create(admin, { name: "B" })]);
    expect((await a.json()).token).not.toBe((await b.json()).token);
  });

  it("revokes a token, keeps it listed, and keeps the first revocation time when revoked again", async () => {
    const { dashboard_token } = await (await create(admin, { name: "Lobby" })).json();
    const first = await revoke(admin, String(dashboard_token.id));
    expect(first.status).toBe(200);
    const revokedAt = (await first.json()).dashboard_token.revoked_at;
    expect(revokedAt).toEqual(expect.any(String));
    const again = await (await revoke(admin, String(dashboard_token.id))).json();
    expect(again.dashboard_token.revoked_at).toBe(revokedAt);
    const listed = (await (await list(admin)).json()).dashboard_tokens as Array<{ id: number; revoked_at: string | null }>;
    expect(listed.find((t) => t.id === dashboard_token.id)?.revoked_at).toBe(revokedAt);
  });

  it("refuses bad input with 400 naming the field", async () => {
    for (const body of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(101) }, { name: "tab\there" }, { name: "ok", extra: 1 }, { name: 5 }]) {
      const response = await create(admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await (await create(admin, {})).json()).details).toEqual([expect.objectContaining({ field: "name" })]);
    const notJson = await POST(await signedInRequest("/api/admin/dashboard-tokens", { user: admin, body: "{not json", headers: { "content-type": "application/json" } }), routeContext());
    expect(notJson.status).toBe(400);
    const wrongType = POST(await signedInRequest("/api/admin/dashboard-tokens", { user: admin, body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), routeContext());
    expect((await wrongType).status).toBe(415);
  });

  it("refuses ids that are not strict positive integers with 400, and unknown ids with 404", async () => {
    for (const id of ["abc", "0", "01", "-1", "1e3", "2147483648", " 1"]) expect((await revoke(admin, id)).status, id).toBe(400);
    expect((await revoke(admin, "999999")).status).toBe(404);
  });

  it("answers 401 without a session and 403 for a plain user", async () => {
    const anonymous = (method: string) => new Request("http://127.0.0.1:3000/api/admin/dashboard-tokens", { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
    expect((await GET(anonymous("GET"), routeContext())).status).toBe(401);
    expect((await POST(anonymous("POST"), routeContext())).status).toBe(401);
    expect((await DELETE(anonymous("DELETE"), routeContext({ id: "1" }))).status).toBe(401);
    expect((await list(user)).status).toBe(403);
    expect((await create(user, { name: "mine" })).status).toBe(403);
    expect((await revoke(user, "1")).status).toBe(403);
  });

  it("refuses a cross-site POST with 403 before reading it", async () => {
    const request = await signedInRequest("/api/admin/dashboard-tokens", { user: admin, body: { name: "evil" }, headers: { origin: "https://evil.example" } });
    expect((await POST(request, routeContext())).status).toBe(403);
  });
});
