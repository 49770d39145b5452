import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { passwordProblem } from "./password";
import { adminExists, createUser, findUserByEmail, resetPassword, setDisabled, setRole } from "./users";

export const DEFAULT_ADMIN_EMAIL = "admin@catalog.local";

export type SeedAdminResult =
  | { created: false }
  | { created: true; email: string; /** Only when we generated it: shown once, never stored in clear. */ generatedPassword?: string };

/**
 * Makes sure an admin exists. Does nothing when one does (so restarts never reset a password);
 * otherwise creates ADMIN_EMAIL/ADMIN_PASSWORD, or admin@catalog.local with a random password.
 */
export async function seedAdmin(db: Database, input: { email?: string; password?: string } = {}): Promise<SeedAdminResult> {
  if (await adminExists(db)) return { created: false };
  const email = input.email ?? DEFAULT_ADMIN_EMAIL;
  // 18 random bytes: 24 characters, well past the minimum and never on the common-password list.
  const generatedPassword = input.password ? undefined : randomBytes(18).toString("base64url");
  const password = input.password ?? generatedPassword!;
  // Before any change: a refused ADMIN_PASSWORD must not leave a half-promoted account behind.
  const problem = passwordProblem(password);
  if (problem) throw new Error(`Could not create the first admin: ADMIN_PASSWORD is not acceptable. ${problem}`);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    // The named account exists as a plain user: promote it rather than fail on the unique email.
    await setRole(db, existing.id, "admin");
    await setDisabled(db, existing.id, false);
    await resetPassword(db, existing.id, password);
  } else {
    try {
      await createUser(db, { email, name: "Administrator", password, role: "admin" });
    } catch (error) {
      if (error instanceof AppError) throw new Error(`Could not create the first admin: ${error.message}`);
      throw error;
    }
  }
  return { created: true, email, generatedPassword };
}
