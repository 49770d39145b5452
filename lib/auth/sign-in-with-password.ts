import type { Database } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkSlowDown, normalizeEmail, recordAttempt, slowDownMessage } from "./sign-in-attempts";
import { findUserByEmail, findUserById, recordLogin } from "./users";

export type SignInFailure =
  | { ok: false; reason: "invalid_credentials"; message: string }
  | { ok: false; reason: "slowed_down"; message: string; retryAfterSeconds: number }
  | { ok: false; reason: "disabled"; message: string };

export type SignInResult = { ok: true; user: User } | SignInFailure;

export const INVALID_CREDENTIALS_MESSAGE = "Wrong email or password.";
export const DISABLED_MESSAGE = "This account has been disabled. Ask an administrator to re-enable it.";

/**
 * Email + password sign-in: slow-down check first (so a guesser learns nothing while waiting), then
 * the password, then the disabled flag (only revealed to someone who knows the password).
 * Successful sign-ins update the login metadata.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip?: string | null; now?: Date },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const ip = input.ip ?? null;
  const now = input.now ?? new Date();
  const slow = await checkSlowDown(db, { email, ip, now });
  if (!slow.allowed) {
    return { ok: false, reason: "slowed_down", retryAfterSeconds: slow.retryAfterSeconds, message: slowDownMessage(slow.retryAfterSeconds) };
  }

  const user = await findUserByEmail(db, email);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    await recordAttempt(db, { email, ip, succeeded: false, at: now });
    return { ok: false, reason: "invalid_credentials", message: INVALID_CREDENTIALS_MESSAGE };
  }
  if (user.disabled) return { ok: false, reason: "disabled", message: DISABLED_MESSAGE };

  await recordAttempt(db, { email, ip, succeeded: true, at: now });
  await recordLogin(db, user.id, ip, now);
  return { ok: true, user: (await findUserById(db, user.id)) ?? user };
}

/** The client's address as the proxy in front of us reports it (first hop of x-forwarded-for). */
export function clientIp(headers: Headers | { get(name: string): string | null } | undefined | null): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip")?.trim() || null;
}
