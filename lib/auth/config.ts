import { CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
// From @auth/core (what next-auth re-exports) so this module also loads outside Next, e.g. in tests.
import Credentials from "@auth/core/providers/credentials";
import Google from "@auth/core/providers/google";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { edgeAuthConfig } from "./edge-config";
import { signInWithFirebase } from "./firebase-token";
import { clientAddress } from "./client-address";
import { signInWithPassword } from "./sign-in-with-password";
import { findUserByEmail, recordLogin } from "./users";

/**
 * Why a sign-in was refused. Auth.js rethrows it to the server action (app/sign-in/actions.ts), which
 * turns `code` back into a sentence; `code` also reaches the URL in the redirect flow, so it holds only
 * the reason and the wait, never account details.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

type AuthUser = { id: string; email: string; name: string | null; role: "admin" | "user"; sessionVersion: number };
const toAuthUser = (u: AuthUser): AuthUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, sessionVersion: u.sessionVersion });

function passwordProvider() {
  return Credentials({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const email = typeof credentials?.email === "string" ? credentials.email : "";
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      if (!email || !password) throw new SignInRefused("invalid_credentials");
      const result = await signInWithPassword(await getDb(), { email, password, ip: clientAddress(request?.headers) });
      if (result.ok) return toAuthUser(result.user);
      throw new SignInRefused(result.reason === "slowed_down" ? `slowed_down:${result.retryAfterSeconds}` : result.reason);
    },
  });
}

// Codes lib/auth/sign-in-messages.ts turns into sentences; the details stay in the server's result.
const firebaseCodes = { invalid_token: "firebase", unverified: "firebase_unverified", no_account: "firebase_no_account", disabled: "disabled" } as const;

function firebaseProvider() {
  return Credentials({
    id: "firebase",
    name: "Firebase",
    credentials: { idToken: { label: "Firebase ID token", type: "text" } },
    async authorize(credentials, request) {
      const idToken = typeof credentials?.idToken === "string" ? credentials.idToken : "";
      if (!idToken) throw new SignInRefused("firebase");
      const result = await signInWithFirebase(await getDb(), { idToken, ip: clientAddress(request?.headers) });
      if (result.ok) return toAuthUser(result.user);
      throw new SignInRefused(firebaseCodes[result.reason]);
    },
  });
}

export function googleEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET);
}

export function authConfig(): NextAuthConfig {
  const env = getEnv();
  const edge = edgeAuthConfig();
  const providers: NextAuthConfig["providers"] = [passwordProvider()];
  if (googleEnabled()) providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  if (env.FIREBASE_PROJECT_ID) providers.push(firebaseProvider());
  return {
    ...edge,
    providers,
    callbacks: {
      ...edge.callbacks,
      async signIn({ account, profile }) {
        if (account?.provider !== "google") return true;
        // Google only signs in people an admin has already added: any Google account could otherwise walk in.
        const email = typeof profile?.email === "string" ? profile.email : "";
        if (!email || profile?.email_verified !== true) return false;
        const user = await findUserByEmail(await getDb(), email);
        return Boolean(user && !user.disabled);
      },
      async jwt(params) {
        if (params.account?.provider === "google" && params.user?.email) {
          // Swap Google's profile id for our user's id and role, and record the login.
          const db = await getDb();
          const user = await findUserByEmail(db, params.user.email);
          if (user) {
            await recordLogin(db, user.id, null);
            params.user = toAuthUser(user);
          }
        }
        return edge.callbacks!.jwt!(params);
      },
    },
  };
}
