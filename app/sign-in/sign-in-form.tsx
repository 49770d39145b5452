"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { signInWithPasswordAction, type SignInState } from "./actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [state, action] = useActionState<SignInState, FormData>(signInWithPasswordAction, {});
  const error = state.error ?? (state.email === undefined ? initialError : null);
  return (
    <form action={action} className="space-y-4" noValidate={false}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state.email} />
      <Field label="Password" id="password" name="password" type="password" autoComplete="current-password" required />
      <FormMessage error={error} />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
