import { eq } from "drizzle-orm";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Database } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { DISABLED_MESSAGE } from "./sign-in-with-password";
import { normalizeEmail } from "./sign-in-attempts";
import { findUserByEmail, recordLogin } from "./users";

export type FirebaseIdentity = { uid: string; email: string | null; emailVerified: boolean; name: string | null };
export type FirebaseSignInResult = { ok: true; user: User } | { ok: false; message: string };

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

/** Finds the user by firebase_uid, else links a verified email to an existing account, else creates a `user`. */
export async function findOrCreateFirebaseUser(db: Database, identity: FirebaseIdentity): Promise<User> {
  const [linked] = await db.select().from(users).where(eq(users.firebaseUid, identity.uid)).limit(1);
  if (linked) return linked;
  if (!identity.email) throw new Error("The Firebase account has no email address.");
  const existing = await findUserByEmail(db, identity.email);
  if (existing) {
    // Linking by an unverified email would let anyone claim an account by typing its address into Firebase.
    if (!identity.emailVerified) throw new Error("Verify your email address with Firebase before signing in.");
    const [row] = await db.update(users).set({ firebaseUid: identity.uid }).where(eq(users.id, existing.id)).returning();
    return row;
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
    const identity = await verifyFirebaseIdToken(input.idToken, input);
    user = await findOrCreateFirebaseUser(db, identity);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Firebase sign-in was refused: ${detail}` };
  }
  if (user.disabled) return { ok: false, message: DISABLED_MESSAGE };
  await recordLogin(db, user.id, input.ip ?? null);
  return { ok: true, user };
}
