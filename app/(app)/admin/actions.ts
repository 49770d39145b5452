"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";
import { requireAdmin } from "@/lib/auth/session";
import { createUser, updateUserAsAdmin, type UserChanges } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { roles } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

// Server actions for the admin page; the same rules as /api/admin/users (lib/auth/users.ts) apply.
export type ActionState = { error?: string; success?: string };

function failure(error: unknown): ActionState {
  if (error instanceof AppError) return { error: error.message };
  console.error(error);
  return { error: "Something went wrong on our side. Try again; if it persists, check the server log." };
}

const createForm = z.object({
  email: z.string().trim().email("Enter a valid email address."),
  name: z.string().trim().max(200).optional(),
  password: newPasswordSchema,
  role: z.enum(roles),
});

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requireAdmin();
    const parsed = createForm.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join(" ") };
    const user = await createUser(await getDb(), parsed.data);
    revalidatePath("/admin");
    return { success: `Created ${user.email} (${user.role}).` };
  } catch (error) {
    return failure(error);
  }
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await requireAdmin();
    const id = String(form.get("id") ?? "");
    const intent = String(form.get("intent") ?? "");
    let changes: UserChanges;
    let done: string;
    if (intent === "role") {
      const role = z.enum(roles).parse(form.get("role"));
      changes = { role };
      done = `Role set to ${role}.`;
    } else if (intent === "disable" || intent === "enable") {
      changes = { disabled: intent === "disable" };
      done = intent === "disable" ? "Account disabled; their sessions stop working now." : "Account enabled.";
    } else if (intent === "password") {
      const password = newPasswordSchema.safeParse(String(form.get("password") ?? ""));
      if (!password.success) return { error: password.error.issues.map((i) => i.message).join(" ") };
      changes = { password: password.data };
      done = "Password reset. Tell the user their new password.";
    } else {
      return { error: "Unknown action." };
    }
    await updateUserAsAdmin(await getDb(), admin.id, id, changes);
    revalidatePath("/admin");
    return { success: done };
  } catch (error) {
    return failure(error);
  }
}
