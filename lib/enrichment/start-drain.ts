import { inngest } from "@/inngest/client";
import { enrichmentRequested } from "@/inngest/events";

/** Whether the drain was told about the new work; `not_needed` when nothing new was queued. */
export type RunnerState = "notified" | "unreachable" | "not_needed";

/**
 * Tells the drain that work is waiting. The tasks are already stored when this runs, so an unreachable Inngest
 * does not undo the request: the caller reports it and the work starts with the next event (another request, an
 * import's hand-off or the drain's own hand-over).
 */
export async function startDrain(reason: string): Promise<RunnerState> {
  try {
    await inngest.send(enrichmentRequested.create({ reason: reason.slice(0, 200) }));
    return "notified";
  } catch (error) {
    console.error(`enrichment: could not send ${enrichmentRequested.name} (${reason})`, error);
    return "unreachable";
  }
}
