import { getDb } from "@/lib/db/client";
import { flushDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { flushPublishes } from "@/lib/realtime/publisher";
import { getYouTubeClients } from "@/lib/youtube/shared-clients";
import { systemClock } from "./clock";
import { drainOne } from "./drain";
import { dailyBudget } from "./quota-ledger";

/** A drain outcome as an Inngest step returns it: JSON only (times as ISO strings), a few bytes per step. */
export type DrainStepResult =
  | { kind: "ran"; taskId: number; status: "completed" | "failed" | "rescheduled" }
  | { kind: "idle"; nextRunAfter: string | null }
  | { kind: "wait"; until: string; reason: "quota" }
  | { kind: "stopped"; reason: string };

/** One drained unit with the process's database, Google clients, clock and budget (the drain function's step). */
export async function drainStep(): Promise<DrainStepResult> {
  const db = await getDb();
  let clients;
  try {
    clients = getYouTubeClients();
  } catch (error) {
    // Not configured: leave every task and marked asset where it is, so work starts once credentials are set.
    return { kind: "stopped", reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const outcome = await drainOne({ db, clients, clock: systemClock, budget: dailyBudget() });
    switch (outcome.kind) {
      case "idle":
        return { kind: "idle", nextRunAfter: outcome.nextRunAfter?.toISOString() ?? null };
      case "wait":
        return { kind: "wait", until: outcome.until.toISOString(), reason: outcome.reason };
      default:
        return outcome;
    }
  } finally {
    // A serverless step's process may not live on to send held (coalesced) updates.
    await Promise.all([flushPublishes(), flushDashboardState()]);
  }
}
