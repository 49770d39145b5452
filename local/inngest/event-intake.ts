import { matches } from "./expressions";
import { parseDurationMs } from "./durations";
import { memoize } from "./run-transitions";
import { newId, type InngestEvent, type Run } from "./run-store";
import type { FunctionConfig, FunctionRegistry } from "./function-registry";

export interface IntakeEngine {
  registry: FunctionRegistry;
  activeRuns(): Run[];
  save(run: Run): void;
  cancel(run: Run, reason: InngestEvent): void;
  createRun(fn: FunctionConfig, event: InngestEvent): Run;
  logEvent(event: InngestEvent): void;
}

/** Fills in what Inngest's event API adds: an id, a millisecond `ts`, an object `data`. */
export function normalizeEvent(raw: unknown, now: number): InngestEvent {
  const e = (raw ?? {}) as Partial<InngestEvent>;
  if (typeof e.name !== "string" || !e.name) throw new Error("every event needs a string `name`");
  return {
    ...e,
    id: typeof e.id === "string" && e.id ? e.id : newId(now),
    name: e.name,
    data: e.data && typeof e.data === "object" ? e.data : {},
    ts: typeof e.ts === "number" ? e.ts : now,
  };
}

/** Runs one event through cancellation, waiting steps and triggers — in that order, so an event never cancels the run it starts. */
export function dispatchEvent(engine: IntakeEngine, event: InngestEvent, now: number): void {
  engine.logEvent(event);
  for (const run of engine.activeRuns()) {
    const fn = engine.registry.get(run.functionId);
    const cancel = fn?.cancel?.find((c) => {
      if (c.event !== event.name) return false;
      const timeout = c.timeout ? parseDurationMs(c.timeout) : null;
      if (timeout !== null && now > run.createdAt + timeout) return false;
      return matches(c.if, { event: run.event, async: event });
    });
    if (cancel) {
      engine.cancel(run, event);
      continue;
    }
    const wait = run.waits.find((w) => w.kind === "event" && w.event === event.name && matches(w.if, { event: run.event, async: event }));
    if (wait) {
      memoize(run, wait.stepId, { data: event }, now);
      engine.save(run);
    }
  }
  for (const { fn, trigger } of engine.registry.triggeredBy(event.name)) {
    if (matches(trigger.expression, { event })) engine.createRun(fn, event);
  }
}

/** `POST /e/:key` body → ids, in the order sent. */
export function ingest(engine: IntakeEngine, body: unknown, now = Date.now()): string[] {
  const list = Array.isArray(body) ? body : [body];
  const events = list.map((raw) => normalizeEvent(raw, now));
  for (const event of events) dispatchEvent(engine, event, now);
  return events.map((e) => e.id);
}
