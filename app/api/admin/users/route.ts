import { z } from "zod";
import { createUser, listUsers } from "@/lib/auth/users";
import { newPasswordSchema } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { roles } from "@/lib/db/schema";
import { adminRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

const createBody = z.object({
  email: z.string().trim().email(),
  name: z.string().trim().max(200).nullish(),
  password: newPasswordSchema,
  role: z.enum(roles).default("user"),
});

export const GET = adminRoute(async () => {
  return Response.json({ users: await listUsers(await getDb()) });
});

export const POST = adminRoute(async (request) => {
  const body = await parseJsonBody(request, createBody);
  const user = await createUser(await getDb(), body);
  return Response.json({ user }, { status: 201 });
});
