import { getSessionUser } from "@/lib/auth/session";
import { buildHealthReport, publicHealthBody } from "@/lib/health/health-report";

export const dynamic = "force-dynamic";

/** F14, public for load balancers and monitors; a signed-in admin also gets each service's mode and details. */
export async function GET(request: Request): Promise<Response> {
  const [{ healthy, body }, admin] = await Promise.all([buildHealthReport(), isAdmin(request)]);
  return Response.json(admin ? body : publicHealthBody(body), { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}

// The session is checked in the database: when that is down or slow, the caller gets what anyone gets.
async function isAdmin(request: Request): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2000)));
  const check = getSessionUser(request).then((user) => user?.role === "admin", () => false);
  return Promise.race([check, giveUp]).finally(() => clearTimeout(timer));
}
