import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { getSessionUser, requireAdmin, requireUser } from "@/lib/auth/session";
import { setDisabled, setRole } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, signedInRequest, type TestUser } from "../helpers/session";

let tdb: TestDatabase;
let user: TestUser;
let admin: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { role: "user" });
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

describe("session checks", () => {
  it("no cookie → 401 unauthorized", async () => {
    const request = new Request("http://127.0.0.1/api/x");
    expect(await getSessionUser(request)).toBeNull();
    expect(await codeOf(requireUser(request))).toBe("unauthorized");
    expect(await codeOf(requireAdmin(request))).toBe("unauthorized");
  });

  it("a user's cookie passes requireUser and gets 403 from requireAdmin", async () => {
    const request = await signedInRequest("/api/x", { user });
    expect(await requireUser(request)).toEqual({ id: user.id, email: user.email, name: user.name, role: "user" });
    const error = await requireAdmin(request).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(403);
  });

  it("an admin's cookie passes requireAdmin", async () => {
    expect((await requireAdmin(await signedInRequest("/api/x", { user: admin }))).role).toBe("admin");
  });

  it("a forged or foreign-secret cookie is refused", async () => {
    const forged = await encode({ secret: "some-other-secret-entirely-000000", salt: "authjs.session-token", token: { sub: admin.id } });
    const request = new Request("http://127.0.0.1/api/x", { headers: { cookie: `authjs.session-token=${forged}` } });
    expect(await codeOf(requireUser(request))).toBe("unauthorized");
    const garbage = new Request("http://127.0.0.1/api/x", { headers: { cookie: "authjs.session-token=garbage" } });
    expect(await getSessionUser(garbage)).toBeNull();
  });

  it("role and disabled come from the database, not the cookie", async () => {
    const other = await createTestUser(tdb.db, { role: "user" });
    // A cookie claiming "admin" for a plain user (the claim is ignored; the database says user).
    const request = await signedInRequest("/api/x", { user: { ...other, role: "admin" } });
    expect(await codeOf(requireAdmin(request))).toBe("forbidden");
    await setDisabled(tdb.db, other.id, true);
    expect(await codeOf(requireUser(request))).toBe("unauthorized");
  });

  it("a role change ends the sessions issued under the old role", async () => {
    const other = await createTestUser(tdb.db, { role: "admin" });
    const request = await signedInRequest("/api/x", { user: other });
    await setRole(tdb.db, other.id, "user");
    expect(await codeOf(requireUser(request))).toBe("unauthorized");
  });
});
