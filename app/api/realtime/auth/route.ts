import { publishDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { publicRoute } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/origin";
import { isJsonContentType } from "@/lib/http/parse";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { isDashboardChannel } from "@/lib/realtime/channels";
import { channelSubscriberFor } from "@/lib/realtime/channel-subscriber";

// pusher-js POSTs socket_id and channel_name as a form (application/x-www-form-urlencoded) before it
// subscribes to a private channel; the signed `{ auth }` we return lets Pusher accept that subscription.
// Either a session or a dashboard token (Authorization: Bearer dsh_…) may ask; see docs/realtime.md.

/** Two short fields: anything near this size is not pusher-js, and is refused unread (413). */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

async function readParams(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type");
  const json = isJsonContentType(type);
  if (!json && (type ?? "").split(";")[0].trim().toLowerCase() !== "application/x-www-form-urlencoded") {
    throw new AppError("unsupported_media_type", "Send socket_id and channel_name as a form (application/x-www-form-urlencoded) or as JSON.");
  }
  const text = await readBodyText(request, MAX_AUTH_BODY_BYTES);
  if (!json) return new URLSearchParams(text);
  try {
    return new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, string>));
  } catch {
    return new URLSearchParams();
  }
}

// publicRoute plus the same checks userRoute makes (origin first, then who is asking), because a dashboard
// token stands in for the session here. The wall screens load /dashboard from our own origin.
export const POST = publicRoute(async (request) => {
  assertSameOrigin(request);
  const subscriber = await channelSubscriberFor(request);
  const params = await readParams(request);
  const channel = params.get("channel_name") ?? "";
  const auth = authorizeChannel(subscriber, params.get("socket_id") ?? "", channel);
  // A new dashboard gets a fresh snapshot soon after it subscribes: the cache channel's copy may be old or
  // gone (Pusher keeps it 30 minutes). Coalesced, so a wall of screens costs one snapshot a second at most.
  if (isDashboardChannel(channel)) void publishDashboardState(await getDb());
  return Response.json(auth);
});
