import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES, readBodyText } from "./body";

function fail(error: z.ZodError, what: string): never {
  const details = error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  throw new AppError("bad_request", `Invalid ${what}: ${details.map((d) => `${d.field || "value"} ${d.message}`).join("; ")}.`, details);
}

// C0 controls (NUL, CR, LF, tab …) and DEL: never part of a search term, key or id a person typed.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** Refuses a string with control characters: 400 naming the field. */
export function assertNoControlCharacters(value: string, field: string): string {
  if (hasControlCharacters(value)) {
    throw new AppError("bad_request", `${field} contains control characters; remove them and try again.`, [
      { field, message: "must not contain control characters" },
    ]);
  }
  return value;
}

/** Validates the query string against a zod schema; a bad parameter becomes a 400 with details. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  for (const [name, value] of Object.entries(params)) assertNoControlCharacters(value, name);
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : fail(parsed.error, "query parameters");
}

/** True for `application/json` and `application/<x>+json`, with or without parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Validates a JSON body. The body must say `Content-Type: application/json` (a cross-site form or a
 * `text/plain` fetch cannot), is read with a size cap (413 beyond it) and must parse as JSON.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<T>> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON with Content-Type: application/json.");
  }
  const text = await readBodyText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : fail(parsed.error, "request body");
}

const INT4_MAX = 2_147_483_647;
const STRICT_ID = /^[1-9]\d{0,9}$/;

/** A database id from a path segment: decimal digits only, no sign, exponent, hex or spaces, within int4. */
export function parseId(value: string | undefined, what: string): number {
  const id = value !== undefined && STRICT_ID.test(value) ? Number(value) : NaN;
  if (!(id >= 1 && id <= INT4_MAX)) {
    throw new AppError("bad_request", `${what} must be a whole number from 1 to ${INT4_MAX}.`, [{ field: "id", message: `got ${JSON.stringify(value ?? "")}` }]);
  }
  return id;
}
