import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { userRoute } from "@/lib/http/handler";
import { isJsonContentType } from "@/lib/http/parse";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";

// pusher-js POSTs socket_id and channel_name as a form (application/x-www-form-urlencoded) before it
// subscribes to a private channel; the signed `{ auth }` we return lets Pusher accept that subscription.

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

export const POST = userRoute(async (request, user) => {
  const params = await readParams(request);
  const auth = authorizeChannel(user, params.get("socket_id") ?? "", params.get("channel_name") ?? "");
  return Response.json(auth);
});
