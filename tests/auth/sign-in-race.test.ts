import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordVerificationCount } from "@/lib/auth/password";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from "@/lib/auth/sign-in-attempts";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { loginAttempts } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser } from "../helpers/session";

// Guesses sent all at once must not overtake the count: each one is written down before its password is
// checked, under a lock, so the account's limit is also the number of argon2 evaluations an attacker gets.

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());

const rowsFor = (email: string) => tdb.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));

describe("parallel sign-in attempts", () => {
  it(`30 parallel wrong passwords for one account get exactly ${ACCOUNT_FAILURE_LIMIT} evaluations`, async () => {
    const user = await createTestUser(tdb.db, { email: "raced@example.test" });
    const before = passwordVerificationCount();
    // Different addresses: the per-account limit alone must hold.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword(tdb.db, { email: user.email, password: `wrong guess ${i}`, ip: `10.77.0.${i}` })),
    );
    expect(passwordVerificationCount() - before).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "invalid_credentials")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "slowed_down")).toHaveLength(30 - ACCOUNT_FAILURE_LIMIT);
    const rows = await rowsFor(user.email);
    expect(rows).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(rows.every((r) => !r.succeeded)).toBe(true);
  });

  it(`30 parallel guesses from one address across accounts get exactly ${IP_FAILURE_LIMIT} evaluations`, async () => {
    const before = passwordVerificationCount();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword(tdb.db, { email: `nobody${i}@example.test`, password: "wrong guess", ip: "203.0.113.77" })),
    );
    expect(passwordVerificationCount() - before).toBe(IP_FAILURE_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "slowed_down")).toHaveLength(30 - IP_FAILURE_LIMIT);
  });

  it("a right password among parallel wrong ones is recorded as the one success", async () => {
    const user = await createTestUser(tdb.db, { email: "mixed@example.test" });
    const attempts = ["wrong one", "correct horse battery", "wrong two"].map((password, i) =>
      signInWithPassword(tdb.db, { email: user.email, password, ip: `10.78.0.${i}` }),
    );
    const results = await Promise.all(attempts);
    expect(results[1].ok).toBe(true);
    const rows = await rowsFor(user.email);
    expect(rows.filter((r) => r.succeeded)).toHaveLength(1);
    expect(rows.filter((r) => !r.succeeded)).toHaveLength(2);
  });
});
