import { NextResponse, type NextRequest } from "next/server";
import { clearedSessionCookie, readSessionToken, renewSessionCookie } from "@/lib/auth/middleware-session";
import { isDashboardTokenRequest, isPublicPath, signInRedirectUrl } from "@/lib/auth/public-paths";
import { userForSession } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db/client";

// Runs on the Node.js runtime (stable since Next 15.5; in-process, so it shares the app's database handle)
// because renewing a session must ask the database first: an edge middleware that renewed any well-formed
// cookie kept disabled and revoked sessions rolling forward. Pages still check the user in their own data
// loaders (lib/auth/page-session.ts) and API handlers authenticate themselves (lib/http/handler.ts).
export default async function middleware(request: NextRequest): Promise<NextResponse> {
  if (isPublicPath(request.nextUrl.pathname) || isDashboardTokenRequest(request.nextUrl)) return NextResponse.next();
  const token = await readSessionToken(request);
  if (!token) return NextResponse.redirect(signInRedirectUrl(request.nextUrl));
  if (!(await userForSession(await getDb(), token))) {
    // Disabled, deleted or revoked: no renewal, and the browser drops the dead cookie.
    const response = NextResponse.redirect(signInRedirectUrl(request.nextUrl));
    const cleared = clearedSessionCookie();
    response.cookies.set(cleared.name, cleared.value, cleared.options);
    return response;
  }
  const response = NextResponse.next();
  const renewed = await renewSessionCookie(token);
  if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  return response;
}

export const config = {
  runtime: "nodejs",
  // Pages only: API routes authenticate in their handlers, and Next's own assets need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
