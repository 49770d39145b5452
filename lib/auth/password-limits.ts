// Client-safe (no argon2, no word list): forms use these for their minLength/maxLength hints, and
// lib/auth/password.ts enforces the same numbers on the server.

export const MIN_PASSWORD_LENGTH = 12;
// argon2 pre-hashes its input, so length costs little; the cap stops megabyte "passwords" and is the same
// for new passwords and for sign-in.
export const MAX_PASSWORD_LENGTH = 200;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not a common password. A few unrelated words work well.`;
