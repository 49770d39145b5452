import { z } from "zod";
import { parseChannelId } from "@/lib/admin/channel-id";
import { toAdminChannel, updateChannel, videoCounts } from "@/lib/admin/channels";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/handler";
import { hasControlCharacters, parseJsonBody } from "@/lib/http/parse";

// Names are one line; descriptions may span lines (and tabs) but carry no other control characters.
const DESCRIPTION_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const body = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(200)
      .refine((v) => !hasControlCharacters(v), "must not contain control characters")
      .optional(),
    // An empty description removes it.
    description: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => !DESCRIPTION_CONTROLS.test(v), "must not contain control characters")
      .transform((v) => v || null)
      .nullable()
      .optional(),
    hidden: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.description !== undefined || b.hidden !== undefined, "name, description or hidden is required");

/** PATCH /api/admin/channels/{channelId} {name?, description?, hidden?} — each change audited with the admin. */
export const PATCH = adminRoute(async (request, user, params) => {
  const channelId = parseChannelId(params.channelId);
  const input = await parseJsonBody(request, body);
  const db = await getDb();
  const { channel, changes } = await updateChannel(db, channelId, input, user.id);
  const counts = await videoCounts(db, [channel.channelId]);
  return Response.json({ channel: toAdminChannel(channel, counts.get(channel.channelId) ?? 0), changes });
});
