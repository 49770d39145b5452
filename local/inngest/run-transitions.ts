import { backoffMs, resolveWakeTime } from "./durations";
import type { CallOutcome, Op } from "./call-loop";
import type { FunctionConfig } from "./function-registry";
import type { InngestEvent, Run, StepResult } from "./run-store";

/** What applying an outcome needs from the executor. */
export interface Engine {
  save(run: Run): void;
  finish(run: Run, status: "completed" | "failed" | "cancelled", result: { output?: unknown; error?: unknown }): void;
  /** Starts the run `step.invoke` asked for; returns its id, or null when no such function is synced. */
  invoke(parent: Run, stepId: string, functionId: string, event: InngestEvent): string | null;
}

export function memoize(run: Run, stepId: string, result: StepResult, now: number): void {
  run.steps[stepId] = result;
  if (!run.stack.includes(stepId)) run.stack.push(stepId);
  run.planned = run.planned.filter((id) => id !== stepId);
  run.waits = run.waits.filter((w) => w.stepId !== stepId);
  run.attempt = 0;
  run.status = "queued";
  run.wakeAt = now;
}

function scheduleRetry(engine: Engine, run: Run, maxAttempts: number, error: unknown, retryAfter: number | null, now: number): void {
  if (run.attempt + 1 >= maxAttempts) return engine.finish(run, "failed", { error });
  run.attempt += 1;
  run.error = error;
  run.status = "queued";
  run.wakeAt = now + (retryAfter ?? backoffMs(run.attempt));
  engine.save(run);
}

/** Registers an async op (sleep / waitForEvent / invoke) unless it is already pending or done. */
function addWait(engine: Engine, run: Run, op: Op, now: number): void {
  if (run.steps[op.id] || run.waits.some((w) => w.stepId === op.id)) return;
  const opts = op.opts ?? {};
  if (op.op === "Sleep") {
    const until = resolveWakeTime(op.name ?? (opts.duration as string), now) ?? now;
    run.waits.push({ kind: "sleep", stepId: op.id, until });
  } else if (op.op === "WaitForEvent") {
    const until = resolveWakeTime(opts.timeout as string, now);
    run.waits.push({ kind: "event", stepId: op.id, event: op.name ?? "", if: opts.if as string | undefined, until });
  } else {
    const payload = (opts.payload ?? {}) as { data?: Record<string, unknown> };
    const event: InngestEvent = { id: "", name: "inngest/function.invoked", data: payload.data ?? {}, ts: now };
    const childId = engine.invoke(run, op.id, String(opts.function_id), event);
    if (!childId) {
      memoize(run, op.id, { error: { name: "Error", message: `Function "${String(opts.function_id)}" is not synced; cannot invoke it` } }, now);
      return;
    }
    run.waits.push({ kind: "invoke", stepId: op.id, childRunId: childId, until: resolveWakeTime(opts.timeout as string, now) });
  }
}

/** Turns one call's outcome into the run's next state. */
export function applyOutcome(engine: Engine, run: Run, fn: FunctionConfig, maxAttempts: number, outcome: CallOutcome, now: number): void {
  if (outcome.kind === "aborted") return;
  if (outcome.kind === "completed") return engine.finish(run, "completed", { output: outcome.output });
  if (outcome.kind === "failed") return engine.finish(run, "failed", { error: outcome.error });
  if (outcome.kind === "retry") return scheduleRetry(engine, run, maxAttempts, outcome.error, outcome.retryAfterMs, now);

  let progressed = false;
  for (const op of outcome.ops) {
    run.stepNames[op.id] = op.displayName ?? op.name ?? op.id;
    switch (op.op) {
      case "StepRun":
      case "Step":
        memoize(run, op.id, { data: op.data ?? null }, now);
        progressed = true;
        break;
      case "StepFailed":
        // Final step failure: memoize the error so the function can catch it (or fail with it).
        memoize(run, op.id, { error: op.error ?? { name: "Error", message: "step failed" } }, now);
        progressed = true;
        break;
      case "StepError":
        // Retriable: target this step explicitly next time so the retry reruns it.
        if (!run.planned.includes(op.id)) run.planned.unshift(op.id);
        return scheduleRetry(engine, run, maxAttempts, op.error, outcome.retryAfterMs, now);
      case "StepPlanned":
        if (!run.steps[op.id] && !run.planned.includes(op.id)) run.planned.push(op.id);
        break;
      case "Sleep":
      case "WaitForEvent":
      case "InvokeFunction":
        addWait(engine, run, op, now);
        break;
      case "RunComplete":
        return engine.finish(run, "completed", { output: op.data ?? null });
      case "StepNotFound":
        return scheduleRetry(engine, run, maxAttempts, { name: "Error", message: `step ${op.id} not found` }, null, now);
      case "DeferAdd":
      case "DeferAbort":
        break;
      default:
        return engine.finish(run, "failed", { error: { name: "Error", message: `the local Inngest executor does not support ${op.op} (function ${fn.id})` } });
    }
  }
  if (progressed || run.planned.length) {
    run.status = "queued";
    run.wakeAt = now;
  } else if (run.waits.length) {
    run.status = run.waits.some((w) => w.kind !== "sleep") ? "waiting" : "sleeping";
    run.wakeAt = Math.min(...run.waits.map((w) => w.until ?? Infinity));
  } else {
    return scheduleRetry(engine, run, maxAttempts, { name: "Error", message: "the SDK reported no progress" }, null, now);
  }
  engine.save(run);
}
