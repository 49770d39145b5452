import { toResponse } from "@/lib/errors";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/auth/session";

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

/** A route for any signed-in user: parse → authenticate → handler. Unauthenticated requests get 401. */
export function userRoute(handler: AuthedHandler): Handler {
  return publicRoute(async (request, context) => {
    const user = await requireUser(request);
    return handler(request, user, (await context?.params) ?? {});
  });
}

/** A route for admins only: 401 without a session, 403 for a `user`. */
export function adminRoute(handler: AuthedHandler): Handler {
  return publicRoute(async (request, context) => {
    const user = await requireAdmin(request);
    return handler(request, user, (await context?.params) ?? {});
  });
}
