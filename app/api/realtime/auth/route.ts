import { userRoute } from "@/lib/http/handler";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";

// pusher-js POSTs socket_id and channel_name as a form (application/x-www-form-urlencoded) before it
// subscribes to a private channel; the signed `{ auth }` we return lets Pusher accept that subscription.

async function readParams(request: Request): Promise<URLSearchParams> {
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      return new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, string>));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

export const POST = userRoute(async (request, user) => {
  const params = await readParams(request);
  const auth = authorizeChannel(user, params.get("socket_id") ?? "", params.get("channel_name") ?? "");
  return Response.json(auth);
});
