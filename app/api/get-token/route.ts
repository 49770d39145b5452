import { z } from "zod";
import { adminRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";
import { checkTokenHealth } from "@/lib/youtube/token-health";

// F8 token health for admins: whether the app holds a working Google access token, why not, and when it
// expires. Despite the path's name the token itself never leaves the server.
const query = z.object({
  /** `renew=1`: fetch a new token now, proving the refresh token / service account key still works. */
  renew: z.enum(["0", "1", "true", "false"]).optional(),
});

export const GET = adminRoute(async (request) => {
  const { renew } = parseQuery(request, query);
  const health = await checkTokenHealth({ renew: renew === "1" || renew === "true" });
  return Response.json(health, { headers: { "cache-control": "no-store" } });
});
