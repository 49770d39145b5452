"use client";

import { useActionState } from "react";
import { inputClasses } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { updateUserAction, type ActionState } from "./actions";

type Props = { id: string; email: string; role: "admin" | "user"; disabled: boolean; isSelf: boolean };

/** Role, enable/disable and password reset for one user; each is its own small form. */
export function UserActions({ id, email, role, disabled, isSelf }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(updateUserAction, {});
  const selfNote = isSelf ? "You cannot demote or disable yourself." : undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={action} className="flex items-center gap-1">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="role" />
          <label htmlFor={`role-${id}`} className="sr-only">
            Role for {email}
          </label>
          <select id={`role-${id}`} name="role" defaultValue={role} disabled={isSelf} title={selfNote} className={`${inputClasses} w-auto py-1`}>
            <option value="user">user</option>
            <option value="admin">admin</option>
          </select>
          <SubmitButton variant="secondary" size="sm" disabled={isSelf} aria-label={`Save role for ${email}`}>
            Save
          </SubmitButton>
        </form>
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value={disabled ? "enable" : "disable"} />
          <SubmitButton variant={disabled ? "secondary" : "danger"} size="sm" disabled={isSelf && !disabled} title={selfNote} aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}>
            {disabled ? "Enable" : "Disable"}
          </SubmitButton>
        </form>
        <form action={action} className="flex items-center gap-1">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="password" />
          <label htmlFor={`password-${id}`} className="sr-only">
            New password for {email}
          </label>
          <input id={`password-${id}`} name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} placeholder="New password" autoComplete="new-password" className={`${inputClasses} w-36 py-1`} />
          <SubmitButton variant="secondary" size="sm" aria-label={`Reset password for ${email}`}>
            Reset
          </SubmitButton>
        </form>
      </div>
      <FormMessage error={state.error} success={state.success} />
    </div>
  );
}
