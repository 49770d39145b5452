import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";
import { updateUserAsAdmin } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { roles } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { adminRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

const patchBody = z
  .object({
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .strict();

export const PATCH = adminRoute(async (request, admin, params) => {
  const changes = await parseJsonBody(request, patchBody);
  if (Object.keys(changes).length === 0) throw new AppError("bad_request", "Nothing to change: send role, disabled or password.");
  const user = await updateUserAsAdmin(await getDb(), admin.id, params.id ?? "", changes);
  return Response.json({ user });
});
