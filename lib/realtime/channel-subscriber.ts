import "server-only";
import { requireUser } from "@/lib/auth/session";
import { dashboardTokenFromAuthorization } from "@/lib/dashboard/dashboard-token-format";
import { verifyDashboardToken } from "@/lib/dashboard/verify-dashboard-token";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ChannelSubscriber } from "./authorize-channel";

/**
 * Who is asking to subscribe: a dashboard token (`Authorization: Bearer dsh_…`, which pusher-js sends from
 * channelAuthorization.headers) or else the session. A token that is revoked or unknown is refused outright,
 * not quietly replaced by the session, so a wall screen with a dead link says so.
 */
export async function channelSubscriberFor(request: Request): Promise<ChannelSubscriber> {
  const token = dashboardTokenFromAuthorization(request.headers.get("authorization"));
  if (token) {
    const verified = await verifyDashboardToken(await getDb(), token, new Date());
    if (!verified) throw new AppError("unauthorized", "This dashboard token is not valid: it was revoked or mistyped. Ask an admin for a new dashboard link (Admin → Dashboards).");
    return { kind: "dashboard_token", tokenId: verified.id };
  }
  const user = await requireUser(request);
  return { kind: "user", userId: user.id };
}
