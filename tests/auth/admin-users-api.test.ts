import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/admin/users/route";
import { PATCH } from "@/app/api/admin/users/[id]/route";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { findUserById } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";

let tdb: TestDatabase;
let admin: TestUser;
let user: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin", email: "boss@example.test" });
  user = await createTestUser(tdb.db, { role: "user" });
});
afterAll(() => tdb.drop());

const patch = async (as: TestUser, id: string, body: unknown) =>
  PATCH(await signedInRequest(`/api/admin/users/${id}`, { user: as, method: "PATCH", body }), routeContext({ id }));

describe("admin users API", () => {
  it("lists users without password hashes", async () => {
    const response = await GET(await signedInRequest("/api/admin/users", { user: admin }), routeContext());
    expect(response.status).toBe(200);
    const { users } = await response.json();
    expect(users.map((u: { email: string }) => u.email)).toContain("boss@example.test");
    expect(users[0]).not.toHaveProperty("passwordHash");
    expect(users[0]).toHaveProperty("loginCount");
  });

  it("creates a user who can then sign in; duplicates and bad input are refused", async () => {
    const body = { email: "New@Example.test", name: "New", password: "a-long-password", role: "user" };
    const created = await POST(await signedInRequest("/api/admin/users", { user: admin, body }), routeContext());
    expect(created.status).toBe(201);
    expect((await created.json()).user).toMatchObject({ email: "new@example.test", role: "user", disabled: false });
    expect((await signInWithPassword(tdb.db, { email: "new@example.test", password: "a-long-password" })).ok).toBe(true);

    const dup = await POST(await signedInRequest("/api/admin/users", { user: admin, body }), routeContext());
    expect(dup.status).toBe(409);
    const bad = await POST(await signedInRequest("/api/admin/users", { user: admin, body: { email: "nope", password: "short" } }), routeContext());
    expect(bad.status).toBe(400);
    expect((await bad.json()).details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("changes a role, resets a password, disables and re-enables", async () => {
    const target = await createTestUser(tdb.db, { email: "target@example.test" });
    expect((await (await patch(admin, target.id, { role: "admin" })).json()).user.role).toBe("admin");

    expect((await patch(admin, target.id, { password: "brand-new-password" })).status).toBe(200);
    expect((await signInWithPassword(tdb.db, { email: "target@example.test", password: "brand-new-password" })).ok).toBe(true);

    expect((await (await patch(admin, target.id, { disabled: true })).json()).user.disabled).toBe(true);
    expect((await signInWithPassword(tdb.db, { email: "target@example.test", password: "brand-new-password" }))).toMatchObject({ reason: "disabled" });
    expect((await patch(admin, target.id, { disabled: false })).status).toBe(200);
    expect((await findUserById(tdb.db, target.id))!.disabled).toBe(false);
  });

  it("refuses self-demotion and self-disabling, unknown users and empty changes", async () => {
    const demote = await patch(admin, admin.id, { role: "user" });
    expect(demote.status).toBe(403);
    expect((await demote.json()).message).toMatch(/own admin role/);
    expect((await patch(admin, admin.id, { disabled: true })).status).toBe(403);
    expect((await findUserById(tdb.db, admin.id))).toMatchObject({ role: "admin", disabled: false });
    expect((await patch(admin, "00000000-0000-0000-0000-000000000000", { role: "user" })).status).toBe(404);
    expect((await patch(admin, user.id, {})).status).toBe(400);
  });

  it("is admin-only", async () => {
    expect((await GET(await signedInRequest("/api/admin/users", { user }), routeContext())).status).toBe(403);
    expect((await patch(user, user.id, { role: "admin" })).status).toBe(403);
    expect((await GET(new Request("http://127.0.0.1/api/admin/users"), routeContext())).status).toBe(401);
  });
});
