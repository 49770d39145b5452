import { eventType } from "inngest";
import { z } from "zod";

// The catalogue of events this app sends and reacts to: `<domain>/<noun>.<verb>`.
export const importRequested = eventType("report/import.requested", {
  schema: z.object({ reportId: z.number().int().positive() }),
});

export const importCancelled = eventType("report/import.cancelled", {
  schema: z.object({ reportId: z.number().int().positive() }),
});
