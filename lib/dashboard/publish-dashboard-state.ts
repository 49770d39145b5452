import "server-only";
import type { Database } from "@/lib/db/client";
import { systemClock, type Clock } from "@/lib/enrichment/clock";
import { dailyBudget } from "@/lib/enrichment/quota-ledger";
import { dashboardChannels, dashboardEvents } from "@/lib/realtime/channels";
import { getPusher } from "@/lib/realtime/pusher-server";
import { buildDashboardState } from "./dashboard-state";
import { createSnapshotCoalescer } from "./snapshot-coalescer";

// Called whenever something a dashboard shows may have changed (an import step, a drained batch, a new
// dashboard subscribing). At most one snapshot a second leaves this process, the latest always among them.

const MIN_INTERVAL_MS = 1000;

/** The database and clock of the latest caller: the deferred send reads through them. */
let source: { db: Database; clock: Clock } | undefined;

const coalescer = createSnapshotCoalescer({
  minIntervalMs: MIN_INTERVAL_MS,
  send: async () => {
    const pusher = getPusher();
    if (!pusher || !source) return;
    const state = await buildDashboardState(source.db, { now: source.clock.now(), budget: dailyBudget() });
    await pusher.trigger(dashboardChannels.main(), dashboardEvents.state, state);
  },
  onError: (error) => console.warn(`[realtime] publishing ${dashboardEvents.state} failed:`, error),
});

/**
 * Publishes `dashboard_state` on private-cache-dashboard, coalesced to one a second with a trailing send.
 * Never throws: realtime is a nicety, and an import or a drain must not fail because Pusher is down.
 */
export function publishDashboardState(db: Database, options: { clock?: Clock } = {}): Promise<void> {
  source = { db, clock: options.clock ?? systemClock };
  return coalescer.request();
}

/** Sends a deferred snapshot now: for a process about to stop, and for tests. */
export function flushDashboardState(): Promise<void> {
  return coalescer.flush();
}
