import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ADMIN_EMAIL, seedAdmin } from "@/lib/auth/seed-admin";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { findUserByEmail } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("seedAdmin", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());

  it("creates admin@catalog.local with a generated password once, then does nothing", async () => {
    const first = await seedAdmin(tdb.db);
    expect(first).toMatchObject({ created: true, email: DEFAULT_ADMIN_EMAIL });
    const password = first.created ? first.generatedPassword! : "";
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await signInWithPassword(tdb.db, { email: DEFAULT_ADMIN_EMAIL, password })).ok).toBe(true);
    expect((await findUserByEmail(tdb.db, DEFAULT_ADMIN_EMAIL))!.role).toBe("admin");
    expect(await seedAdmin(tdb.db, { email: "other@example.test", password: "another-password" })).toEqual({ created: false });
  });

  it("uses ADMIN_EMAIL/ADMIN_PASSWORD when given and does not echo the password", async () => {
    const fresh = await createTestDatabase({ install: false });
    try {
      const result = await seedAdmin(fresh.db, { email: "Chief@Example.test", password: "chief-password" });
      expect(result).toEqual({ created: true, email: "Chief@Example.test", generatedPassword: undefined });
      expect((await signInWithPassword(fresh.db, { email: "chief@example.test", password: "chief-password" })).ok).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});
