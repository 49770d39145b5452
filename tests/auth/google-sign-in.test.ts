import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authConfig } from "@/lib/auth/config";
import { findUserById, setDisabled, updateUserAsAdmin } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";

// Google sign-in admits only people an admin has already added (any Google account could otherwise walk in).
// Auth.js calls these callbacks after Google's OAuth round trip; they are driven here with what Auth.js
// passes them for a Google profile.

let tdb: TestDatabase;
let known: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  known = await createTestUser(tdb.db, { email: "known@example.test" });
});
afterAll(() => tdb.drop());

type SignInParams = Parameters<NonNullable<ReturnType<typeof authConfig>["callbacks"]>["signIn"] & object>[0];
const google = { provider: "google", type: "oidc", providerAccountId: "g-123" } as SignInParams["account"];

async function googleSignIn(email: string, claims: Record<string, unknown> = { email_verified: true }) {
  const signIn = authConfig().callbacks!.signIn!;
  const profile = { email, sub: "g-123", ...claims };
  return signIn({ account: google, profile, user: { id: "g-123", email } } as SignInParams);
}

describe("Google sign-in", () => {
  it("refuses an e-mail address no account uses", async () => {
    expect(await googleSignIn("stranger@example.test")).toBe(false);
  });

  it("admits an existing account (whatever the address's case)", async () => {
    expect(await googleSignIn("known@example.test")).toBe(true);
    expect(await googleSignIn("Known@Example.TEST")).toBe(true);
  });

  it("refuses an address Google has not verified, and a disabled account", async () => {
    expect(await googleSignIn("known@example.test", { email_verified: false })).toBe(false);
    expect(await googleSignIn("known@example.test", {})).toBe(false);
    const off = await createTestUser(tdb.db, { email: "off@example.test" });
    await setDisabled(tdb.db, off.id, true);
    expect(await googleSignIn("off@example.test")).toBe(false);
  });

  it("puts our user id, role and current session version in the token, and records the login", async () => {
    const admin = await createTestUser(tdb.db, { role: "admin" });
    await updateUserAsAdmin(tdb.db, admin.id, known.id, { role: "admin" });
    const jwt = authConfig().callbacks!.jwt!;
    const token = await jwt({ token: { email: known.email }, user: { id: "g-123", email: known.email }, account: google, trigger: "signIn" } as never);
    expect(token).toMatchObject({ sub: known.id, role: "admin", sessionVersion: 1 });
    expect((await findUserById(tdb.db, known.id))!.loginCount).toBe(1);
  });
});
