import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { signInWithFirebase } from "@/lib/auth/firebase-token";
import { findUserByEmail, setDisabled } from "@/lib/auth/users";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser } from "../helpers/session";

// Google's key endpoint stood in by a local server, reached through FIREBASE_JWKS_URL like in production.
const project = "catalog-test";
let tdb: TestDatabase;
let server: Server;
let key: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const pair = await generateKeyPair("RS256", { extractable: true });
  ({ privateKey: otherKey } = await generateKeyPair("RS256"));
  key = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.FIREBASE_PROJECT_ID = project;
  process.env.FIREBASE_JWKS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  resetEnvCache();
});
afterAll(async () => {
  server.close();
  await tdb.drop();
});

type TokenOptions = { aud?: string; iss?: string; exp?: number; signer?: CryptoKey; claims?: Record<string, unknown> };
function token(uid: string, options: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email_verified: true, ...options.claims })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setSubject(uid)
    .setAudience(options.aud ?? project)
    .setIssuer(options.iss ?? `https://securetoken.google.com/${project}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.exp ?? now + 3600)
    .sign(options.signer ?? key);
}

afterEach(() => {
  delete process.env.FIREBASE_ALLOWED_EMAILS;
  resetEnvCache();
});

const allow = (list: string) => {
  process.env.FIREBASE_ALLOWED_EMAILS = list;
  resetEnvCache();
};

describe("Firebase ID-token sign-in", () => {
  it("refuses a verified address with no account and creates nothing", async () => {
    const idToken = await token("uid-stranger", { claims: { email: "Stranger@example.test", name: "Stranger" } });
    const result = await signInWithFirebase(tdb.db, { idToken, ip: "10.9.0.9" });
    expect(result).toMatchObject({ ok: false, reason: "no_account", message: expect.stringMatching(/Ask an admin/) });
    expect(await findUserByEmail(tdb.db, "stranger@example.test")).toBeUndefined();
  });

  it("creates a `user` for an allow-listed address, then finds them by firebase_uid", async () => {
    allow("someone@example.test, New.Person@example.test");
    const idToken = await token("uid-new", { claims: { email: "New.Person@example.test", name: "New Person" } });
    const result = await signInWithFirebase(tdb.db, { idToken, ip: "10.9.0.1" });
    expect(result.ok).toBe(true);
    const row = await findUserByEmail(tdb.db, "new.person@example.test");
    expect(row).toMatchObject({ firebaseUid: "uid-new", role: "user", name: "New Person", loginCount: 1, currentLoginIp: "10.9.0.1" });
    allow("");
    const again = await signInWithFirebase(tdb.db, { idToken: await token("uid-new", { claims: { email: "changed@example.test" } }) });
    expect(again.ok && again.user.id).toBe(row!.id);
  });

  it("allow-lists a whole domain with @domain, and only that exact domain", async () => {
    allow("@team.example.test");
    expect((await signInWithFirebase(tdb.db, { idToken: await token("uid-team", { claims: { email: "ann@team.example.test" } }) })).ok).toBe(true);
    const lookalike = await signInWithFirebase(tdb.db, { idToken: await token("uid-look", { claims: { email: "ann@evilteam.example.test" } }) });
    expect(lookalike).toMatchObject({ ok: false, reason: "no_account" });
  });

  it("links an existing account by verified email", async () => {
    const existing = await createTestUser(tdb.db, { email: "linked@example.test", role: "admin" });
    const result = await signInWithFirebase(tdb.db, { idToken: await token("uid-linked", { claims: { email: "linked@example.test" } }) });
    expect(result.ok && result.user).toMatchObject({ id: existing.id, firebaseUid: "uid-linked", role: "admin" });
  });

  it.each([
    ["email_verified: false", "victim1", { email_verified: false }],
    ["no email_verified claim", "victim2", { email_verified: undefined }],
    ['email_verified: "true" (a string)', "victim3", { email_verified: "true" }],
  ])("refuses a token with %s, even for an existing or allow-listed address", async (_label, name, claims) => {
    await createTestUser(tdb.db, { email: `${name}@example.test` });
    allow("@example.test");
    for (const email of [`${name}@example.test`, `new-${name}@example.test`]) {
      const result = await signInWithFirebase(tdb.db, { idToken: await token(`uid-attacker-${email}`, { claims: { email, ...claims } }) });
      expect(result).toMatchObject({ ok: false, reason: "unverified" });
    }
    expect((await findUserByEmail(tdb.db, `${name}@example.test`))!.firebaseUid).toBeNull();
    expect(await findUserByEmail(tdb.db, `new-${name}@example.test`)).toBeUndefined();
  });

  it("refuses an unverified token for an account already linked by firebase_uid", async () => {
    await createTestUser(tdb.db, { email: "uidlinked@example.test" });
    expect((await signInWithFirebase(tdb.db, { idToken: await token("uid-kept", { claims: { email: "uidlinked@example.test" } }) })).ok).toBe(true);
    const unverified = await signInWithFirebase(tdb.db, { idToken: await token("uid-kept", { claims: { email_verified: false } }) });
    expect(unverified).toMatchObject({ ok: false, reason: "unverified" });
  });

  it.each([
    ["a bad signature", () => token("uid-x", { signer: otherKey, claims: { email: "x@example.test" } })],
    ["the wrong audience", () => token("uid-x", { aud: "someone-elses-project", claims: { email: "x@example.test" } })],
    ["the wrong issuer", () => token("uid-x", { iss: "https://evil.example/", claims: { email: "x@example.test" } })],
    ["an expired token", () => token("uid-x", { exp: Math.floor(Date.now() / 1000) - 600, claims: { email: "x@example.test" } })],
  ])("refuses %s", async (_label, make) => {
    allow("x@example.test");
    const result = await signInWithFirebase(tdb.db, { idToken: await make() });
    expect(result).toMatchObject({ ok: false, reason: "invalid_token", message: expect.stringMatching(/^Firebase sign-in was refused/) });
    expect(await findUserByEmail(tdb.db, "x@example.test")).toBeUndefined();
  });

  it("refuses a disabled user", async () => {
    const u = await createTestUser(tdb.db, { email: "off@example.test" });
    await setDisabled(tdb.db, u.id, true);
    const result = await signInWithFirebase(tdb.db, { idToken: await token("uid-off", { claims: { email: "off@example.test" } }) });
    expect(result).toMatchObject({ ok: false, reason: "disabled", message: expect.stringMatching(/disabled/) });
  });
});
