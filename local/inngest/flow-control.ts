import { evaluate } from "./expressions";
import { parseDurationMs } from "./durations";
import type { ConcurrencyConfig, FunctionConfig } from "./function-registry";
import type { InngestEvent, Run } from "./run-store";

// Keys are fixed when a run is created (from its triggering event), as Inngest does.
function keyValue(expression: string | undefined, event: InngestEvent): string {
  if (!expression) return "";
  try {
    return JSON.stringify(evaluate(expression, { event }) ?? null);
  } catch {
    return "null";
  }
}

export function concurrencyKeys(fn: FunctionConfig, event: InngestEvent): Run["concurrencyKeys"] {
  const raw = fn.concurrency;
  if (raw === undefined || raw === null) return [];
  const list: ConcurrencyConfig[] = typeof raw === "number" ? [{ limit: raw }] : Array.isArray(raw) ? raw : [raw];
  return list
    .filter((c) => typeof c.limit === "number" && c.limit > 0)
    .map((c) => {
      // env/account scoped keys are shared across functions; fn scope is per function.
      const scope = c.scope && c.scope !== "fn" ? `${c.scope}:${c.key ?? ""}` : `fn:${fn.id}:${c.key ?? ""}`;
      return { key: `${scope}=${keyValue(c.key, event)}`, limit: c.limit };
    });
}

export function throttleKey(fn: FunctionConfig, event: InngestEvent): string | undefined {
  if (!fn.throttle) return undefined;
  return `${fn.id}=${keyValue(fn.throttle.key, event)}`;
}

/** Concurrency counts calls in flight; throttle spaces run starts (first calls). */
export class FlowControl {
  private inFlight = new Map<string, number>();
  private starts = new Map<string, number[]>();

  /** Rebuild throttle history from persisted runs so a restart doesn't grant a fresh burst. */
  seed(runs: Run[]): void {
    for (const run of runs) {
      if (run.throttleKey && run.startedAt) this.startTimes(run.throttleKey).push(run.startedAt);
    }
  }

  /** `null` = may call now; a number = earliest time worth re-checking (or Infinity = wait for a slot). */
  blockedUntil(run: Run, fn: FunctionConfig, now: number): number | null {
    for (const { key, limit } of run.concurrencyKeys) {
      if ((this.inFlight.get(key) ?? 0) >= limit) return Infinity;
    }
    if (!run.startedAt && run.throttleKey && fn.throttle) {
      const period = parseDurationMs(fn.throttle.period) ?? 60_000;
      const recent = this.startTimes(run.throttleKey).filter((t) => t > now - period);
      this.starts.set(run.throttleKey, recent);
      if (recent.length >= Math.max(1, fn.throttle.limit)) return Math.min(...recent) + period;
    }
    return null;
  }

  acquire(run: Run, now: number): void {
    for (const { key } of run.concurrencyKeys) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    if (!run.startedAt && run.throttleKey) this.startTimes(run.throttleKey).push(now);
  }

  release(run: Run): void {
    for (const { key } of run.concurrencyKeys) this.inFlight.set(key, Math.max(0, (this.inFlight.get(key) ?? 1) - 1));
  }

  private startTimes(key: string): number[] {
    let list = this.starts.get(key);
    if (!list) this.starts.set(key, (list = []));
    return list;
  }
}
