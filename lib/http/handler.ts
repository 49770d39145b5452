import { toResponse } from "@/lib/errors";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "./origin";

type RouteContext = { params: Promise<Record<string, string>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;
type AuthedHandler = (request: Request, user: SessionUser, params: Record<string, string>) => Promise<Response>;

/** Wraps a route handler so every thrown AppError becomes its JSON response (see lib/errors.ts). */
export function publicRoute(handler: Handler): Handler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toResponse(error);
    }
  };
}

/**
 * A route for any signed-in user: origin check for unsafe methods → authenticate → handler.
 * Unauthenticated requests get 401; a cross-site POST/PUT/PATCH/DELETE gets 403 before the session is read.
 */
export function userRoute(handler: AuthedHandler): Handler {
  return publicRoute(async (request, context) => {
    assertSameOrigin(request);
    const user = await requireUser(request);
    return handler(request, user, (await context?.params) ?? {});
  });
}

/** A route for admins only: cross-site unsafe requests 403, no session 401, a `user` 403. */
export function adminRoute(handler: AuthedHandler): Handler {
  return publicRoute(async (request, context) => {
    assertSameOrigin(request);
    const user = await requireAdmin(request);
    return handler(request, user, (await context?.params) ?? {});
  });
}
