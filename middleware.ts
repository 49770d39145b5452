import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken, renewSessionCookie } from "@/lib/auth/middleware-session";
import { isPublicPath, signInRedirectUrl } from "@/lib/auth/public-paths";

// Runs on the edge runtime, so it only checks the session cookie (no database, no argon2). Pages then
// re-check the user against the database (app/(app)/layout.tsx) and API handlers authenticate themselves.
export default async function middleware(request: NextRequest): Promise<NextResponse> {
  if (isPublicPath(request.nextUrl.pathname)) return NextResponse.next();
  const token = await readSessionToken(request);
  if (!token) return NextResponse.redirect(signInRedirectUrl(request.nextUrl));
  const response = NextResponse.next();
  const renewed = await renewSessionCookie(token);
  if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  return response;
}

export const config = {
  // Pages only: API routes authenticate in their handlers, and Next's own assets need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
