import { inNextRequest } from "./next-request-scope";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAction, updateUserAction } from "@/app/(app)/admin/actions";
import { POST } from "@/app/api/admin/users/route";
import { PATCH } from "@/app/api/admin/users/[id]/route";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password";
import { commonPasswords } from "@/lib/auth/common-passwords";
import { seedAdmin } from "@/lib/auth/seed-admin";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser, findUserByEmail, resetPassword } from "@/lib/auth/users";
import { loginAttempts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, sessionCookie, signedInRequest, type TestUser } from "../helpers/session";

// One rule for every new password (lib/auth/password.ts), checked at every way in: the admin API, the admin
// page's server actions, the library functions under them, and seeding the first admin from ADMIN_PASSWORD;
// sign-in enforces the same maximum. (inNextRequest is imported first: it must load before next/server.)

const refused: [string, string][] = [
  ['"password"', "password"],
  ["eight spaces", " ".repeat(8)],
  ["11 characters", "Tr0ub4dor&3"],
  ["twelve spaces", " ".repeat(12)],
  ["a common password", "password1234"],
  ["a common word with the usual additions", "Iloveyou2024!"],
  ["a keyboard run", "qwertyuiopas"],
  ["a repeated character", "aaaaaaaaaaaa"],
  ["an over-long one", "x7Q!".repeat(60)],
];
const GOOD = "plinth marmalade orbit";

let tdb: TestDatabase;
let admin: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};
const asAdmin = async <T>(run: () => Promise<T>) => inNextRequest({ cookie: await sessionCookie(admin), phase: "action" }, run);
let n = 0;
const freshEmail = () => `policy-${++n}@example.test`;

describe("passwordProblem", () => {
  it.each(refused)("refuses %s", (_label, password) => {
    expect(passwordProblem(password)).toEqual(expect.any(String));
  });

  it("accepts a long phrase and a random string", () => {
    for (const good of [GOOD, "correct horse battery", "dragonfly sunset 42", "vN4#qL9z!pR2wX"]) expect(passwordProblem(good), good).toBeNull();
  });

  it("says what is wrong", () => {
    expect(passwordProblem("password")).toBe("The password must be at least 12 characters (this one has 8).");
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH + 1))).toBe(`The password must be at most ${MAX_PASSWORD_LENGTH} characters.`);
    expect(passwordProblem("password1234")).toMatch(/most common passwords/);
  });

  it("bundles about ten thousand common passwords, the classics among them", () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
    for (const classic of ["123456", "password", "qwerty", "letmein", "iloveyou", "trustno1"]) expect(commonPasswords().has(classic), classic).toBe(true);
  });
});

describe("every way to set a password", () => {
  it.each(refused)("the admin API refuses %s when creating or resetting", async (_label, password) => {
    const created = await POST(await signedInRequest("/api/admin/users", { user: admin, body: { email: freshEmail(), password } }), routeContext());
    expect(created.status).toBe(400);
    expect((await created.json()).details).toEqual([{ field: "password", message: expect.any(String) }]);
    const target = await createTestUser(tdb.db);
    const reset = await PATCH(
      await signedInRequest(`/api/admin/users/${target.id}`, { user: admin, method: "PATCH", body: { password } }),
      routeContext({ id: target.id }),
    );
    expect(reset.status).toBe(400);
  });

  it.each(refused)("the admin page's actions refuse %s when creating or resetting", async (_label, password) => {
    const email = freshEmail();
    const created = await asAdmin(() => createUserAction({}, form({ email, password, role: "user" })));
    expect(created.error).toEqual(expect.any(String));
    expect(await findUserByEmail(tdb.db, email)).toBeUndefined();
    const target = await createTestUser(tdb.db);
    const reset = await asAdmin(() => updateUserAction({}, form({ id: target.id, intent: "password", password })));
    expect(reset.error).toEqual(expect.any(String));
  });

  it.each(refused)("the library refuses %s (createUser, resetPassword)", async (_label, password) => {
    await expect(createUser(tdb.db, { email: freshEmail(), password })).rejects.toBeInstanceOf(AppError);
    const target = await createTestUser(tdb.db);
    await expect(resetPassword(tdb.db, target.id, password)).rejects.toMatchObject({ code: "bad_request" });
  });

  it("a good password is accepted everywhere", async () => {
    const viaApi = await POST(await signedInRequest("/api/admin/users", { user: admin, body: { email: freshEmail(), password: GOOD } }), routeContext());
    expect(viaApi.status).toBe(201);
    const email = freshEmail();
    const viaAction = await asAdmin(async () => createUserAction({}, form({ email, password: GOOD, role: "user" })));
    expect(viaAction).toEqual({ success: `Created ${email} (user).` });
    expect((await signInWithPassword(tdb.db, { email, password: GOOD })).ok).toBe(true);
    const target = await createTestUser(tdb.db);
    expect(await asAdmin(() => updateUserAction({}, form({ id: target.id, intent: "password", password: GOOD })))).toMatchObject({ success: expect.any(String) });
  });
});

describe("seeding the first admin", () => {
  // Databases without an admin, so seedAdmin really tries.
  let fresh: TestDatabase;
  let another: TestDatabase;
  beforeAll(async () => {
    [fresh, another] = await Promise.all([createTestDatabase({ install: false }), createTestDatabase({ install: false })]);
  });
  afterAll(() => Promise.all([fresh.drop(), another.drop()]));

  it.each(refused)("refuses ADMIN_PASSWORD %s and changes nothing", async (_label, password) => {
    await expect(seedAdmin(fresh.db, { email: "chief@example.test", password })).rejects.toThrow(/ADMIN_PASSWORD is not acceptable/);
    expect(await findUserByEmail(fresh.db, "chief@example.test")).toBeUndefined();
  });

  it("accepts a good ADMIN_PASSWORD", async () => {
    expect(await seedAdmin(fresh.db, { email: "chief@example.test", password: GOOD })).toMatchObject({ created: true });
    expect((await signInWithPassword(fresh.db, { email: "chief@example.test", password: GOOD })).ok).toBe(true);
  });

  it("generates a password that passes the rule", async () => {
    const result = await seedAdmin(another.db);
    const password = result.created ? result.generatedPassword! : "";
    expect(passwordProblem(password)).toBeNull();
    expect((await signInWithPassword(another.db, { email: "admin@catalog.local", password })).ok).toBe(true);
  });
});

describe("sign-in", () => {
  it("refuses a password longer than the maximum, and counts it as a failed attempt", async () => {
    const user = await createTestUser(tdb.db, { password: GOOD });
    const result = await signInWithPassword(tdb.db, { email: user.email, password: GOOD.padEnd(MAX_PASSWORD_LENGTH + 1, "x"), ip: "10.5.5.5" });
    expect(result).toMatchObject({ ok: false, reason: "invalid_credentials" });
    const attempts = await tdb.db.select().from(loginAttempts).where(eq(loginAttempts.email, user.email));
    expect(attempts).toMatchObject([{ succeeded: false, ip: "10.5.5.5" }]);
  });
});
