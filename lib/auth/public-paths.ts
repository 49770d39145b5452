// Which paths middleware.ts lets through without a session. API routes are all let through here on
// purpose: each handler answers 401/403 as JSON itself (lib/http/handler.ts), which a redirect would break.
const publicPages = ["/sign-in", "/health"];

export function isPublicPath(pathname: string): boolean {
  if (pathname === "/api" || pathname.startsWith("/api/")) return true;
  if (pathname.startsWith("/_next/")) return true;
  if (publicPages.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return true;
  // Static files in public/ (favicon.ico, robots.txt, images): a dot in the last segment.
  return /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

/**
 * /dashboard opened with a dashboard token (`?token=dsh_…`): a wall screen has no session, so the page checks
 * the token itself (lib/auth/page-session.ts#requirePageUserOrDashboardToken). Without one it is a normal page.
 */
export function isDashboardTokenRequest(url: URL): boolean {
  return url.pathname === "/dashboard" && (url.searchParams.get("token") ?? "").startsWith("dsh_");
}

/** Where to send someone without a session: sign-in, then back to where they were going. */
export function signInRedirectUrl(url: URL): URL {
  const target = new URL("/sign-in", url.origin);
  target.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
  return target;
}
