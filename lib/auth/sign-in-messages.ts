import { slowDownMessage } from "./sign-in-attempts";
import { DISABLED_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "./sign-in-with-password";

// Turns what Auth.js hands back (a CredentialsSignin `code`, or an `?error=` type after a redirect)
// into the sentence the sign-in page shows. Codes are set in lib/auth/config.ts.

export function messageForSignInCode(code: string | undefined | null): string {
  if (!code) return "Sign-in failed. Try again.";
  const slowed = /^slowed_down:(\d+)$/.exec(code);
  if (slowed) return slowDownMessage(Number(slowed[1]));
  if (code === "invalid_credentials" || code === "credentials") return INVALID_CREDENTIALS_MESSAGE;
  if (code === "disabled") return DISABLED_MESSAGE;
  if (code === "firebase_unverified") return "Verify your email address with Firebase first, then sign in again.";
  if (code === "firebase_no_account") return "This account has no access to Catalog. Ask an admin to add your email address.";
  if (code === "firebase") return "Firebase sign-in was refused. Try again, or sign in with your email and password.";
  return "Sign-in failed. Try again.";
}

/** For `/sign-in?error=…&code=…` (redirect flows such as Google). */
export function messageForSignInError(error: string | undefined, code?: string): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return messageForSignInCode(code);
  if (error === "AccessDenied") return "This Google account has no access to Catalog. Ask an admin to add your email address.";
  if (error === "Configuration") return "Sign-in is misconfigured on the server. Check the server log.";
  return "Sign-in failed. Try again.";
}

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in")) return "/";
  return value;
}
