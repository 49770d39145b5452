import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id (the OWASP-recommended variant); these costs follow OWASP's
// minimum (19 MiB, 2 passes) so a hash takes tens of milliseconds on the 2-core machines we run on.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a missing or malformed hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
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
