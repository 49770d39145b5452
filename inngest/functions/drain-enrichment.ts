import { inngest } from "@/inngest/client";
import { enrichmentRequested } from "@/inngest/events";
import { drainStep } from "@/lib/enrichment/drain-step";

/** Runs per invocation before handing over to a fresh run: Inngest allows 1,000 steps, and a batch may add a sleep. */
export const BATCHES_PER_RUN = 200;

// Drains the enrichment queue and asset backlog one task (≤ 50 ids) per step. Started by imports, sync requests and a
// 5-minute cron, so work resumes by itself (after a quota-day reset, a backoff, or fixed credentials). The daily
// budget and the 100 ms spacing live in the quota ledger, shared by every run; one run at a time keeps the order.
export const drainEnrichment = inngest.createFunction(
  {
    id: "drain-enrichment",
    name: "Drain the enrichment queue",
    triggers: [enrichmentRequested, { cron: "*/5 * * * *" }],
    concurrency: { limit: 1 },
    // Bursts of requests (a bulk sync, many "Sync now" clicks) start runs at most this often; queued, never dropped.
    throttle: { limit: 1, period: "2s" },
    retries: 3,
  },
  async ({ event, step }) => {
    const fromCron = event.name === "inngest/scheduled.timer";
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const outcome = await step.run(`drain-${batch}`, () => drainStep());
      if (outcome.kind === "ran") continue;
      if (outcome.kind === "stopped") return outcome;
      if (outcome.kind === "idle" && !outcome.nextRunAfter) return outcome;
      // A cron run does not sleep through a spent quota day: the next tick after the reset resumes, and sleeping
      // runs would otherwise pile up, one per tick. Requested runs sleep until the reset and carry on.
      if (outcome.kind === "wait" && fromCron) return outcome;
      await step.sleepUntil(`wait-${batch}`, outcome.kind === "wait" ? outcome.until : outcome.nextRunAfter!);
    }
    await step.sendEvent("continue-draining", enrichmentRequested.create({ reason: "continued" }));
    return { kind: "continued" as const };
  },
);
