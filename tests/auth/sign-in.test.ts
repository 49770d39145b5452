import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { findUserById, setDisabled } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser } from "../helpers/session";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());

const password = "correct horse battery";

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("s3cret-pass");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "s3cret-pass")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
    expect(await verifyPassword(null, "s3cret-pass")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});

describe("signInWithPassword", () => {
  it("signs in with the right password (email case and spaces ignored) and writes login metadata", async () => {
    const user = await createTestUser(tdb.db, { email: "ann@example.test" });
    const first = new Date("2030-01-01T10:00:00Z");
    const result = await signInWithPassword(tdb.db, { email: " ANN@example.test ", password, ip: "10.0.0.1", now: first });
    expect(result.ok).toBe(true);
    let row = await findUserById(tdb.db, user.id);
    expect(row).toMatchObject({ loginCount: 1, currentLoginIp: "10.0.0.1", lastLoginAt: null, lastLoginIp: null });
    expect(row!.currentLoginAt?.toISOString()).toBe(first.toISOString());

    const second = new Date("2030-01-02T10:00:00Z");
    await signInWithPassword(tdb.db, { email: "ann@example.test", password, ip: "10.0.0.2", now: second });
    row = await findUserById(tdb.db, user.id);
    expect(row).toMatchObject({ loginCount: 2, currentLoginIp: "10.0.0.2", lastLoginIp: "10.0.0.1" });
    expect(row!.currentLoginAt?.toISOString()).toBe(second.toISOString());
    expect(row!.lastLoginAt?.toISOString()).toBe(first.toISOString());
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    await createTestUser(tdb.db, { email: "bob@example.test" });
    const wrong = await signInWithPassword(tdb.db, { email: "bob@example.test", password: "nope-nope", ip: "10.1.0.1" });
    const unknown = await signInWithPassword(tdb.db, { email: "nobody@example.test", password, ip: "10.1.0.1" });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials", message: "Wrong email or password." });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a disabled user with a clear message and records no login", async () => {
    const user = await createTestUser(tdb.db, { email: "carl@example.test" });
    await setDisabled(tdb.db, user.id, true);
    const result = await signInWithPassword(tdb.db, { email: "carl@example.test", password, ip: "10.2.0.1" });
    expect(result).toMatchObject({ ok: false, reason: "disabled" });
    expect(!result.ok && result.message).toMatch(/disabled/i);
    expect((await findUserById(tdb.db, user.id))!.loginCount).toBe(0);
  });

  it("slows an account down after 5 failures, then doubles the wait", async () => {
    await createTestUser(tdb.db, { email: "dina@example.test" });
    const t0 = Date.parse("2030-02-01T00:00:00Z");
    const at = (s: number) => new Date(t0 + s * 1000);
    // Different IPs: the per-account limit must trigger on its own.
    for (let i = 0; i < 5; i++) {
      const r = await signInWithPassword(tdb.db, { email: "dina@example.test", password: "bad-guess", ip: `10.3.0.${i}`, now: at(i) });
      expect(r).toMatchObject({ reason: "invalid_credentials" });
    }
    // Even the right password waits: otherwise the slow-down would tell a guesser when they hit it.
    const blocked = await signInWithPassword(tdb.db, { email: "dina@example.test", password, ip: "10.3.1.1", now: at(10) });
    expect(blocked).toMatchObject({ ok: false, reason: "slowed_down", retryAfterSeconds: 24 });
    expect(!blocked.ok && blocked.message).toBe("Too many failed sign-in attempts. Wait 24 seconds and try again.");

    const sixth = await signInWithPassword(tdb.db, { email: "dina@example.test", password: "bad-guess", ip: "10.3.1.1", now: at(40) });
    expect(sixth).toMatchObject({ reason: "invalid_credentials" });
    const longer = await signInWithPassword(tdb.db, { email: "dina@example.test", password, ip: "10.3.1.1", now: at(41) });
    expect(longer).toMatchObject({ reason: "slowed_down", retryAfterSeconds: 59 });

    const later = await signInWithPassword(tdb.db, { email: "dina@example.test", password, ip: "10.3.1.1", now: at(101) });
    expect(later.ok).toBe(true);
    // Success clears the account's count.
    const after = await signInWithPassword(tdb.db, { email: "dina@example.test", password: "bad-guess", ip: "10.3.1.1", now: at(102) });
    expect(after).toMatchObject({ reason: "invalid_credentials" });
  });

  it("slows an IP down after 10 failures across accounts", async () => {
    await createTestUser(tdb.db, { email: "eve@example.test" });
    const t0 = Date.parse("2030-03-01T00:00:00Z");
    for (let i = 0; i < 10; i++) {
      await signInWithPassword(tdb.db, { email: `guess${i}@example.test`, password: "x-guess-x", ip: "203.0.113.9", now: new Date(t0 + i * 1000) });
    }
    const blocked = await signInWithPassword(tdb.db, { email: "eve@example.test", password, ip: "203.0.113.9", now: new Date(t0 + 15_000) });
    expect(blocked).toMatchObject({ ok: false, reason: "slowed_down" });
    // Another address is not affected.
    const elsewhere = await signInWithPassword(tdb.db, { email: "eve@example.test", password, ip: "198.51.100.1", now: new Date(t0 + 16_000) });
    expect(elsewhere.ok).toBe(true);
    // Failures older than the 15-minute window stop counting.
    const muchLater = await signInWithPassword(tdb.db, { email: "eve@example.test", password, ip: "203.0.113.9", now: new Date(t0 + 16 * 60_000) });
    expect(muchLater.ok).toBe(true);
  });
});
