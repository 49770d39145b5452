import { channelId } from "@/lib/import/parse/field-values";
import { AppError } from "@/lib/errors";

/**
 * A channel id from a path segment. The catalog keys channels by the full `UC` + 22 characters id; Studio report
 * files leave out the `UC` (the import adds it), so an id copied from such a file is accepted and completed the
 * same way.
 */
export function parseChannelId(value: string | undefined): string {
  const raw = value ?? "";
  let id: string | null = null;
  try {
    // Surrounding spaces are not part of an id in a URL: refused rather than trimmed like a report cell.
    id = raw === raw.trim() ? channelId(raw) : null;
  } catch {
    id = null;
  }
  if (!id) {
    throw new AppError("bad_request", "The channel id must be UC followed by 22 characters of A–Z, a–z, 0–9, - or _.", [
      { field: "channelId", message: `got ${JSON.stringify(raw.slice(0, 60))}` },
    ]);
  }
  return id;
}
