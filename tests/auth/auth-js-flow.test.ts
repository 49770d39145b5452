import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Auth } from "@auth/core";
import { authConfig } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";
import { findUserById, setDisabled, updateUserAsAdmin } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret } from "../helpers/session";

// The real Auth.js credentials flow (CSRF → callback → cookie), driven through @auth/core with our
// config, then the cookie it sets is fed to lib/auth/session.ts: proves both sides agree on the cookie.
const base = "http://127.0.0.1:3000/api/auth";
let tdb: TestDatabase;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());

const config = () => ({ ...authConfig(), basePath: "/api/auth" });
const cookiePairs = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

async function signIn(email: string, password: string, ip = "192.0.2.10") {
  const csrf = await Auth(new Request(`${base}/csrf`), config());
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" });
  const response = await Auth(
    new Request(`${base}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), "x-forwarded-for": `${ip}, 10.0.0.1` },
      body,
    }),
    config(),
  );
  return { response, location: new URL(response.headers.get("location") ?? "http://x/"), cookies: cookiePairs(response) };
}

describe("Auth.js credentials flow", () => {
  it("issues a cookie with the account's current session version, so a reset revokes it and a new sign-in works", async () => {
    const admin = await createTestUser(tdb.db, { role: "admin" });
    const user = await createTestUser(tdb.db, { email: "versioned@example.test" });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { password: "first reset passphrase" });
    const first = await signIn("versioned@example.test", "first reset passphrase", "192.0.2.30");
    const cookie = first.cookies.find((c) => c.startsWith("authjs.session-token="))!;
    const request = () => new Request("http://127.0.0.1:3000/api/x", { headers: { cookie } });
    expect(await getSessionUser(request())).toMatchObject({ id: user.id });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { password: "second reset passphrase" });
    expect(await getSessionUser(request())).toBeNull();
    const second = await signIn("versioned@example.test", "second reset passphrase", "192.0.2.30");
    const renewed = second.cookies.find((c) => c.startsWith("authjs.session-token="))!;
    expect(await getSessionUser(new Request("http://127.0.0.1:3000/api/x", { headers: { cookie: renewed } }))).toMatchObject({ id: user.id });
  });

  it("signs in, sets an httpOnly Lax session cookie that getSessionUser accepts, and records the login", async () => {
    const user = await createTestUser(tdb.db, { email: "flow@example.test" });
    const { response, location, cookies } = await signIn("flow@example.test", "correct horse battery");
    expect(location.pathname).toBe("/");
    const raw = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    const session = cookies.find((c) => c.startsWith("authjs.session-token="))!;
    const request = new Request("http://127.0.0.1:3000/api/x", { headers: { cookie: session } });
    expect(await getSessionUser(request)).toMatchObject({ id: user.id, role: "user" });
    // No TCP peer in a direct call, and X-Forwarded-For is not trusted: client-address.test.ts covers addresses.
    expect(await findUserById(tdb.db, user.id)).toMatchObject({ loginCount: 1, currentLoginIp: null });
    await setDisabled(tdb.db, user.id, true);
    expect(await getSessionUser(request)).toBeNull();
  });

  it("sends refusals back to /sign-in with a code the page turns into a message", async () => {
    await createTestUser(tdb.db, { email: "flow2@example.test" });
    const wrong = await signIn("flow2@example.test", "wrong-password", "192.0.2.20");
    expect(wrong.location.pathname).toBe("/sign-in");
    expect(wrong.location.searchParams.get("error")).toBe("CredentialsSignin");
    expect(wrong.location.searchParams.get("code")).toBe("invalid_credentials");
    expect(wrong.cookies.some((c) => c.startsWith("authjs.session-token="))).toBe(false);
    for (let i = 0; i < 4; i++) await signIn("flow2@example.test", "wrong-password", "192.0.2.20");
    const slowed = await signIn("flow2@example.test", "correct horse battery", "192.0.2.20");
    expect(slowed.location.searchParams.get("code")).toMatch(/^slowed_down:\d+$/);
  });
});
