"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { messageForSignInCode, safeCallbackUrl } from "@/lib/auth/sign-in-messages";

export type SignInState = { error?: string; email?: string };

export async function signInWithPasswordAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    // On success Auth.js sets the session cookie and redirect() throws NEXT_REDIRECT, rethrown below.
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: messageForSignInCode(error.code), email };
    if (error instanceof AuthError) return { error: messageForSignInCode(undefined), email };
    throw error;
  }
}

export async function signInWithGoogleAction(form: FormData): Promise<void> {
  await signIn("google", { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}
