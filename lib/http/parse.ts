import type { z } from "zod";
import { AppError } from "@/lib/errors";

function fail(error: z.ZodError, what: string): never {
  const details = error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  throw new AppError("bad_request", `Invalid ${what}: ${details.map((d) => `${d.field || "value"} ${d.message}`).join("; ")}.`, details);
}

/** Validates the query string against a zod schema; a bad parameter becomes a 400 with details. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : fail(parsed.error, "query parameters");
}

/** Validates a JSON body; a body that is not JSON gets a 400 saying so. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : fail(parsed.error, "request body");
}

export function parseId(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("bad_request", `${what} must be a positive whole number.`);
  return id;
}
