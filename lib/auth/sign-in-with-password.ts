import type { Database } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { burnPasswordCheck, isOverlongPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import { claimAttempt, normalizeEmail, settleAttempt, slowDownMessage } from "./sign-in-attempts";
import { findUserByEmail, findUserById, recordLogin } from "./users";

export type SignInFailure =
  | { ok: false; reason: "invalid_credentials"; message: string }
  | { ok: false; reason: "slowed_down"; message: string; retryAfterSeconds: number }
  | { ok: false; reason: "disabled"; message: string };

export type SignInResult = { ok: true; user: User } | SignInFailure;

export const INVALID_CREDENTIALS_MESSAGE = "Wrong email or password.";
export const DISABLED_MESSAGE = "This account has been disabled. Ask an administrator to re-enable it.";

/**
 * Email + password sign-in: the slow-down claims the attempt first (so a guesser learns nothing while waiting,
 * and parallel guesses cannot overtake the count), then the password, then the disabled flag (only revealed
 * to someone who knows the password). Successful sign-ins update the login metadata. `ip` is the client
 * address from lib/auth/client-address.ts, never a raw header.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip?: string | null; now?: Date },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const ip = input.ip ?? null;
  const now = input.now ?? new Date();
  const claim = await claimAttempt(db, { email, ip, now });
  if (!claim.allowed) {
    return { ok: false, reason: "slowed_down", retryAfterSeconds: claim.retryAfterSeconds, message: slowDownMessage(claim.retryAfterSeconds) };
  }

  const user = await findUserByEmail(db, email);
  // No password we accept is longer than the maximum: such a guess is refused (and counted) without hashing a
  // megabyte. It, an unknown account and one without a password take one check's time like any other.
  const checkable = user?.passwordHash && !isOverlongPassword(input.password);
  const valid = checkable ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password.slice(0, MAX_PASSWORD_LENGTH)), false);
  if (!user || !valid) return { ok: false, reason: "invalid_credentials", message: INVALID_CREDENTIALS_MESSAGE };
  if (user.disabled) {
    await settleAttempt(db, claim.attemptId, "withdrawn", now);
    return { ok: false, reason: "disabled", message: DISABLED_MESSAGE };
  }

  await settleAttempt(db, claim.attemptId, "succeeded", now);
  await recordLogin(db, user.id, ip, now);
  return { ok: true, user: (await findUserById(db, user.id)) ?? user };
}
