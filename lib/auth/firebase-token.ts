import { eq } from "drizzle-orm";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Database } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { DISABLED_MESSAGE } from "./sign-in-with-password";
import { normalizeEmail } from "./sign-in-attempts";
import { findUserByEmail, recordLogin } from "./users";

export type FirebaseIdentity = { uid: string; email: string | null; emailVerified: boolean; name: string | null };
export type FirebaseSignInResult = { ok: true; user: User } | { ok: false; reason: FirebaseRefusal; message: string };

// One key set per URL: jose caches the fetched keys and refetches on an unknown key id (Google rotates them).
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySet(url: string) {
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url))));
  return set;
}

/**
 * Verifies a Firebase ID token as Firebase documents it: RS256 signature by one of Google's
 * securetoken keys, audience = project id, issuer = securetoken.google.com/<project>, not expired,
 * and a non-empty subject (the Firebase uid). Throws on any failure.
 */
export async function verifyFirebaseIdToken(
  idToken: string,
  options: { projectId?: string; jwksUrl?: string } = {},
): Promise<FirebaseIdentity> {
  const env = getEnv();
  const projectId = options.projectId ?? env.FIREBASE_PROJECT_ID;
  if (!projectId) throw new Error("Firebase sign-in is not configured (FIREBASE_PROJECT_ID is unset).");
  const { payload } = await jwtVerify<JWTPayload & Record<string, unknown>>(idToken, keySet(options.jwksUrl ?? env.FIREBASE_JWKS_URL), {
    algorithms: ["RS256"],
    audience: projectId,
    issuer: `https://securetoken.google.com/${projectId}`,
    requiredClaims: ["exp", "iat", "sub"],
  });
  if (!payload.sub) throw new Error("The Firebase token has no subject.");
  return {
    uid: payload.sub,
    email: typeof payload.email === "string" ? normalizeEmail(payload.email) : null,
    emailVerified: payload.email_verified === true,
    name: typeof payload.name === "string" ? payload.name : null,
  };
}

export type FirebaseRefusal = "invalid_token" | "unverified" | "no_account" | "disabled";

class Refused extends Error {
  constructor(
    readonly reason: FirebaseRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** FIREBASE_ALLOWED_EMAILS: exact addresses, or `@example.com` for everyone at a domain. */
export function isAllowListed(email: string, allowList = getEnv().FIREBASE_ALLOWED_EMAILS): boolean {
  const entries = allowList.split(/[\s,]+/).map(normalizeEmail).filter(Boolean);
  return entries.some((entry) => (entry.startsWith("@") ? email.endsWith(entry) : email === entry));
}

/**
 * The Catalog account for a Firebase identity, as Google sign-in admits people: an account an admin created
 * (found by firebase_uid, else by e-mail and then linked), or an allow-listed address, which gets a `user`
 * account. Anyone can create a Firebase account with any address, so only a verified address counts.
 */
export async function findFirebaseUser(db: Database, identity: FirebaseIdentity): Promise<User> {
  if (!identity.emailVerified) throw new Refused("unverified", "Verify your email address with Firebase before signing in.");
  const [linked] = await db.select().from(users).where(eq(users.firebaseUid, identity.uid)).limit(1);
  if (linked) return linked;
  if (!identity.email) throw new Refused("no_account", "The Firebase account has no email address.");
  const existing = await findUserByEmail(db, identity.email);
  if (existing) {
    const [row] = await db.update(users).set({ firebaseUid: identity.uid }).where(eq(users.id, existing.id)).returning();
    return row;
  }
  if (!isAllowListed(identity.email)) {
    throw new Refused("no_account", `No Catalog account uses ${identity.email}. Ask an admin to add you.`);
  }
  const [row] = await db
    .insert(users)
    .values({ email: identity.email, name: identity.name, firebaseUid: identity.uid, role: "user" })
    .returning();
  return row;
}

export async function signInWithFirebase(
  db: Database,
  input: { idToken: string; ip?: string | null; projectId?: string; jwksUrl?: string },
): Promise<FirebaseSignInResult> {
  let user: User;
  try {
    user = await findFirebaseUser(db, await verifyFirebaseIdToken(input.idToken, input));
  } catch (error) {
    const reason = error instanceof Refused ? error.reason : "invalid_token";
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason, message: `Firebase sign-in was refused: ${detail}` };
  }
  if (user.disabled) return { ok: false, reason: "disabled", message: DISABLED_MESSAGE };
  await recordLogin(db, user.id, input.ip ?? null);
  return { ok: true, user };
}
