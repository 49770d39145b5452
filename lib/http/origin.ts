import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Origins a browser may send state-changing requests from: the configured APP_URL only (never the request's
 * own Host header, which an attacker controls). A loopback APP_URL also admits the other loopback spellings on
 * the same port, so http://127.0.0.1:3000 and http://localhost:3000 both work on one machine.
 */
export function allowedOrigins(): Set<string> {
  const app = new URL(getEnv().APP_URL);
  const origins = new Set([app.origin]);
  if (LOOPBACK_HOSTS.includes(app.hostname)) {
    for (const host of LOOPBACK_HOSTS) origins.add(`${app.protocol}//${host}${app.port ? `:${app.port}` : ""}`);
  }
  return origins;
}

/**
 * Refuses cross-site requests with unsafe methods. Browsers send `Origin` on every cross-origin POST and
 * `Sec-Fetch-Site` on every request, so a forged form or fetch from another site is caught by either; clients
 * that send neither (curl, server-to-server) are not browsers and cannot carry a victim's cookie by accident.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin !== null && !allowedOrigins().has(origin)) {
    throw new AppError("forbidden", "Cross-site request refused: this action can only be sent from the app's own pages.");
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site request refused: this action can only be sent from the app's own pages.");
  }
}
