import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { commonPasswords } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-limits";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_HINT } from "./password-limits";

// @node-rs/argon2 defaults to argon2id (the OWASP-recommended variant); these costs follow OWASP's
// minimum (19 MiB, 2 passes) so a hash takes tens of milliseconds on the 2-core machines we run on.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let verifications = 0;
/** How many argon2 verifications this process has run: the sign-in limit is about these, so tests count them. */
export function passwordVerificationCount(): number {
  return verifications;
}

/** False for a wrong password and for a missing or malformed hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  verifications++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing-only");
  await verifyPassword(await dummyHash, password);
}

/** Longer than any password we accept: sign-in refuses it without spending an argon2 evaluation. */
export function isOverlongPassword(password: string): boolean {
  return [...password].length > MAX_PASSWORD_LENGTH;
}

// What people type when asked for "a long password": alphabet, digit and keyboard runs, either direction.
const RUNS = ["abcdefghijklmnopqrstuvwxyz", "01234567890123456789", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];
const EDGE_FILLER = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

function isCommon(normalized: string): boolean {
  const common = commonPasswords();
  // "Password2024!" and "i love you 123" are the listed word with the usual additions around or inside it.
  const core = normalized.replace(EDGE_FILLER, "");
  return [normalized, core, core.replace(/\s+/g, "")].some((candidate) => candidate.length > 0 && common.has(candidate));
}

function isRun(compact: string): boolean {
  return RUNS.some((run) => run.includes(compact) || [...run].reverse().join("").includes(compact));
}

/** Why a new password is refused, as a sentence for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (!password.trim()) return "The password cannot be only spaces.";
  const normalized = password.trim().toLowerCase();
  const compact = normalized.replace(/\s+/g, "");
  if (isCommon(normalized)) return "This is one of the most common passwords. Choose another, for example a few unrelated words.";
  if (/^(.{1,6})\1+$/su.test(compact)) return "The password repeats the same few characters. Choose another, for example a few unrelated words.";
  if (isRun(compact)) return "The password is a keyboard or alphabet sequence. Choose another, for example a few unrelated words.";
  return null;
}

/** The one rule for every new password (admin API, admin page, seeding): throws a 400 naming the problem. */
export function assertAcceptablePassword(password: string, field = "password"): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("bad_request", problem, [{ field, message: problem }]);
}

/** The same rule for zod-validated input, so the 400's details name the field like every other bad value. */
export const newPasswordSchema = z.string().superRefine((value, context) => {
  const problem = passwordProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});
