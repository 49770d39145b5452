import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { edgeAuthConfig } from "@/lib/auth/edge-config";
import { isPublicPath, signInRedirectUrl } from "@/lib/auth/public-paths";

// Edge runtime: only the session cookie is checked here (no database). Pages then re-check the user
// against the database (app/(app)/layout.tsx), and API handlers authenticate themselves.
const { auth } = NextAuth(() => edgeAuthConfig());

export default auth((request) => {
  if (request.auth?.user || isPublicPath(request.nextUrl.pathname)) return NextResponse.next();
  return NextResponse.redirect(signInRedirectUrl(request.nextUrl));
});

export const config = {
  // Pages only: API routes authenticate in their handlers, and Next's own assets need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
