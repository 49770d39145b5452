import { eventType } from "inngest";
import { z } from "zod";

// The catalogue of events this app sends and reacts to: `<domain>/<noun>.<verb>`.
export const importRequested = eventType("report/import.requested", {
  schema: z.object({ reportId: z.number().int().positive() }),
});

export const importCancelled = eventType("report/import.cancelled", {
  schema: z.object({ reportId: z.number().int().positive() }),
});

/** Work is waiting in the enrichment queue or backlog: an import finished, someone asked for a sync, or a drain run handed over. */
export const enrichmentRequested = eventType("enrichment/drain.requested", {
  schema: z.object({ reason: z.string().max(200).optional() }),
});
