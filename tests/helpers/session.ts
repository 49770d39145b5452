import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/edge-config";
import { createUser, findUserById } from "@/lib/auth/users";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";

// Route tests sign in by minting the same encrypted JWT cookie Auth.js would set after a real sign-in.

export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdef";

/** Sets AUTH_SECRET (when unset) so cookies minted here are accepted by lib/auth/session.ts. */
export function ensureAuthSecret(): string {
  if (!process.env.AUTH_SECRET) {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    resetEnvCache();
  }
  return process.env.AUTH_SECRET;
}

/** `sessionVersion`: the account's session version when the cookie is minted (0 for a new account). */
export type TestUser = { id: string; email: string; name: string | null; role: Role; sessionVersion?: number };

export async function createTestUser(
  db: Database,
  options: { role?: Role; email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const role = options.role ?? "user";
  const user = await createUser(db, {
    email: options.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`,
    name: options.name ?? `Test ${role}`,
    password: options.password ?? "correct horse battery",
    role,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** The user as the database has them now (role and session version), for minting a cookie after a change. */
export async function reloadTestUser(db: Database, user: TestUser): Promise<TestUser> {
  const row = await findUserById(db, user.id);
  if (!row) throw new Error(`No user ${user.id}`);
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion };
}

/** `authjs.session-token=<jwt>` for the user, ready for a Cookie header; it carries the user's session version. */
export async function sessionCookie(user: TestUser): Promise<string> {
  const secret = ensureAuthSecret();
  const name = sessionCookieName();
  const token = await encode({
    secret,
    salt: name,
    token: { sub: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion ?? 0 },
  });
  return `${name}=${token}`;
}

export type SignedInRequestOptions = {
  user: TestUser;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** A Request carrying the user's session cookie; a non-string body is sent as JSON. */
export async function signedInRequest(url: string, options: SignedInRequestOptions): Promise<Request> {
  const headers = new Headers(options.headers);
  headers.append("cookie", await sessionCookie(options.user));
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === "string" || options.body instanceof FormData || options.body instanceof Uint8Array) {
      body = options.body as BodyInit;
    } else {
      body = JSON.stringify(options.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  const absolute = new URL(url, "http://127.0.0.1:3000").toString();
  return new Request(absolute, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Route handlers' second argument, for dynamic segments: `routeContext({ id: "1" })`. */
export function routeContext(params: Record<string, string> = {}) {
  return { params: Promise.resolve(params) };
}
