import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users, type Role, type User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { assertAcceptablePassword, hashPassword } from "./password";
import { normalizeEmail } from "./sign-in-attempts";

/** What the admin page and API show: everything except the password hash. */
export type PublicUser = Omit<User, "passwordHash">;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

export async function listUsers(db: Database): Promise<PublicUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(toPublicUser);
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export type CreateUserInput = { email: string; name?: string | null; password?: string | null; role?: Role };

export async function createUser(db: Database, input: CreateUserInput): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db, email)) throw new AppError("conflict", `A user with the email ${email} already exists.`);
  if (input.password) assertAcceptablePassword(input.password);
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: input.name?.trim() || null,
      role: input.role ?? "user",
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .returning();
  return toPublicUser(row);
}

type UserUpdate = Partial<Omit<User, "sessionVersion">> & { sessionVersion?: SQL };

async function update(db: Database, id: string, values: UserUpdate): Promise<PublicUser> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  if (!row) throw new AppError("not_found", "No such user.");
  return toPublicUser(row);
}

// Session cookies carry the version they were issued with (lib/auth/session-check.ts refuses any other), so
// bumping it signs the user out everywhere. The condition is in SQL so setting the same value again does not.
const bumpWhen = (changed: SQL) => sql`${users.sessionVersion} + (case when ${changed} then 1 else 0 end)`;

/** A role change signs the user out: sessions issued under the old role must not outlive it. */
export function setRole(db: Database, id: string, role: Role): Promise<PublicUser> {
  return update(db, id, { role, sessionVersion: bumpWhen(sql`${users.role} <> ${role}`) });
}

/** Disabling ends every session now; enabling does not revive the old ones (their version is stale). */
export function setDisabled(db: Database, id: string, disabled: boolean): Promise<PublicUser> {
  return update(db, id, { disabled, sessionVersion: bumpWhen(disabled ? sql`true` : sql`false`) });
}

/** A reset password ends every session: whoever knew the old one must not stay signed in. */
export async function resetPassword(db: Database, id: string, password: string): Promise<PublicUser> {
  assertAcceptablePassword(password);
  return update(db, id, { passwordHash: await hashPassword(password), sessionVersion: sql`${users.sessionVersion} + 1` });
}

export type UserChanges = { role?: Role; disabled?: boolean; password?: string };

/**
 * An admin's edit of a user. Admins may not demote or disable themselves: that is how the last admin
 * would lock everyone out of the admin page.
 */
export async function updateUserAsAdmin(db: Database, actorId: string, id: string, changes: UserChanges): Promise<PublicUser> {
  const target = await findUserById(db, id);
  if (!target) throw new AppError("not_found", "No such user.");
  if (id === actorId && changes.role && changes.role !== "admin") {
    throw new AppError("forbidden", "You cannot remove your own admin role; ask another admin.");
  }
  if (id === actorId && changes.disabled) throw new AppError("forbidden", "You cannot disable your own account.");
  let result = toPublicUser(target);
  if (changes.password !== undefined) result = await resetPassword(db, id, changes.password);
  if (changes.role !== undefined) result = await setRole(db, id, changes.role);
  if (changes.disabled !== undefined) result = await setDisabled(db, id, changes.disabled);
  return result;
}

/** Moves "current" login to "last" and records this one; PostgreSQL's SET sees the old values on the right. */
export async function recordLogin(db: Database, id: string, ip: string | null, at: Date = new Date()): Promise<void> {
  await db
    .update(users)
    .set({
      lastLoginAt: sql`${users.currentLoginAt}`,
      lastLoginIp: sql`${users.currentLoginIp}`,
      currentLoginAt: at,
      currentLoginIp: ip,
      loginCount: sql`${users.loginCount} + 1`,
    })
    .where(eq(users.id, id));
}

export async function adminExists(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  return Boolean(row);
}
