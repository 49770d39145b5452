"use client";

import { useActionState } from "react";
import { Field, inputClasses } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_HINT } from "@/lib/auth/password-limits";
import { createUserAction, type ActionState } from "./actions";

export function CreateUserForm() {
  const [state, action] = useActionState<ActionState, FormData>(createUserAction, {});
  return (
    <form action={action} className="space-y-4 rounded-lg border border-gray-200 bg-white p-5" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="text-base font-semibold text-gray-900">
        Add a user
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Email" id="new-email" name="email" type="email" required autoComplete="off" />
        <Field label="Name (optional)" id="new-name" name="name" autoComplete="off" />
        <Field label="Password" id="new-password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} autoComplete="new-password" hint={PASSWORD_HINT} />
        <div className="space-y-1">
          <label htmlFor="new-role" className="block text-sm font-medium text-gray-800">
            Role
          </label>
          <select id="new-role" name="role" defaultValue="user" className={inputClasses}>
            <option value="user">user</option>
            <option value="admin">admin</option>
          </select>
        </div>
      </div>
      <FormMessage error={state.error} success={state.success} />
      <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
    </form>
  );
}
