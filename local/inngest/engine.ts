import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { callApp } from "./call-loop";
import { dueCrons, msToNextMinute } from "./cron";
import { dispatchEvent, type IntakeEngine } from "./event-intake";
import { concurrencyKeys, FlowControl, throttleKey } from "./flow-control";
import { FunctionRegistry, maxAttempts, type FunctionConfig } from "./function-registry";
import { applyOutcome, memoize, type Engine } from "./run-transitions";
import { newId, readJson, RunStore, TERMINAL, writeJsonAtomic, type InngestEvent, type Run, type Wait } from "./run-store";
import { syncApp, type SyncResult } from "./app-sync";

export interface ExecutorOptions {
  port: number;
  host?: string;
  appUrl: string;
  signingKey: string;
  eventKey: string;
  dataDir: string;
  /** How often due runs are looked for; 100ms keeps tests snappy and costs nothing idle. */
  pollMs?: number;
  /** Re-sync period, so functions added while the app runs get picked up. */
  resyncMs?: number;
  log?: (message: string) => void;
}

export class Executor implements Engine, IntakeEngine {
  readonly store: RunStore;
  readonly registry: FunctionRegistry;
  readonly recentEvents: InngestEvent[] = [];
  private readonly flow = new FlowControl();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly root: string;
  private readonly cronState: Record<string, number>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private warnedUnsigned = false;
  private readonly log: (message: string) => void;

  constructor(readonly opts: ExecutorOptions) {
    this.root = path.join(opts.dataDir, "inngest");
    mkdirSync(this.root, { recursive: true });
    this.store = new RunStore(this.root);
    this.registry = new FunctionRegistry(this.root);
    this.flow.seed(this.store.all());
    this.cronState = readJson(path.join(this.root, "cron.json"), {});
    this.log = opts.log ?? ((m) => console.log(`[inngest-local] ${m}`));
  }

  activeRuns(): Run[] {
    return this.store.active();
  }

  save(run: Run): void {
    this.store.save(run);
  }

  logEvent(event: InngestEvent): void {
    if (this.stopped) return;
    this.recentEvents.push(event);
    if (this.recentEvents.length > 200) this.recentEvents.shift();
    appendFileSync(path.join(this.root, "events.jsonl"), `${JSON.stringify(event)}\n`);
  }

  emit(name: string, data: Record<string, unknown>): void {
    const now = Date.now();
    dispatchEvent(this, { id: newId(now), name, data, ts: now }, now);
  }

  createRun(fn: FunctionConfig, event: InngestEvent, parent?: Run["parent"]): Run {
    const now = Date.now();
    const run: Run = {
      id: newId(now), functionId: fn.id, event, events: [event], status: "queued",
      steps: {}, stack: [], stepNames: {}, planned: [], waits: [], attempt: 0, wakeAt: now,
      concurrencyKeys: concurrencyKeys(fn, event), throttleKey: throttleKey(fn, event), parent, createdAt: now,
    };
    this.save(run);
    this.kick();
    return run;
  }

  invoke(parent: Run, stepId: string, functionId: string, event: InngestEvent): string | null {
    const fn = this.registry.get(functionId);
    if (!fn) return null;
    const full = { ...event, id: newId() };
    this.logEvent(full);
    return this.createRun(fn, full, { runId: parent.id, stepId }).id;
  }

  cancel(run: Run, reason: InngestEvent): void {
    this.inFlight.get(run.id)?.abort();
    this.finish(run, "cancelled", { error: { name: "Cancelled", message: `cancelled by event ${reason.name} (${reason.id})` } });
  }

  finish(run: Run, status: "completed" | "failed" | "cancelled", result: { output?: unknown; error?: unknown }): void {
    Object.assign(run, { status, endedAt: Date.now(), waits: [], planned: [], output: result.output, error: result.error });
    this.save(run);
    const parent = run.parent && this.store.get(run.parent.runId);
    if (parent && !TERMINAL.includes(parent.status) && parent.waits.some((w) => w.kind === "invoke" && w.childRunId === run.id)) {
      const error = result.error ?? { name: "Error", message: `invoked run ${run.id} was ${status}` };
      memoize(parent, run.parent!.stepId, status === "completed" ? { data: result.output ?? null } : { error }, Date.now());
      this.save(parent);
    }
    const data = { function_id: run.functionId, run_id: run.id, event: run.event };
    // onFailure handlers are functions triggered by this event (with an `if` on function_id).
    if (status === "failed") this.emit("inngest/function.failed", { ...data, error: result.error });
    if (status === "cancelled") this.emit("inngest/function.cancelled", { ...data, error: result.error });
    this.emit("inngest/function.finished", { ...data, ...(status === "completed" ? { result: result.output } : { error: result.error }) });
    this.store.prune();
    this.kick();
  }

  private expire(run: Run, wait: Wait, now: number): void {
    const result = wait.kind === "invoke"
      ? { error: { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" } }
      : { data: null }; // a finished sleep, or a waitForEvent that timed out
    memoize(run, wait.stepId, result, now);
    this.save(run);
  }

  /** One scheduling pass: expire waits, then start calls that flow control allows. */
  tick(): void {
    if (this.stopped) return;
    const now = Date.now();
    for (const run of this.store.active()) {
      if (this.inFlight.has(run.id)) continue;
      for (const wait of [...run.waits]) if (wait.until !== null && wait.until <= now) this.expire(run, wait, now);
      if (run.status !== "queued" || run.wakeAt > now) continue;
      const fn = this.registry.get(run.functionId);
      if (!fn) {
        if (this.registry.syncedAt) this.finish(run, "failed", { error: { name: "Error", message: `function ${run.functionId} is no longer served by the app` } });
        continue;
      }
      if (this.flow.blockedUntil(run, fn, now) === null) this.dispatch(run, fn, now);
    }
  }

  private dispatch(run: Run, fn: FunctionConfig, now: number): void {
    this.flow.acquire(run, now);
    run.startedAt ??= now;
    run.status = "running";
    this.save(run);
    const controller = new AbortController();
    this.inFlight.set(run.id, controller);
    const seen = new Set(run.stack);
    const max = maxAttempts(fn);
    callApp(run, fn, { signingKey: this.opts.signingKey, maxAttempts: max, signal: controller.signal, onUnsignedResponse: () => this.warnUnsigned() })
      .then((outcome) => {
        if (this.stopped || TERMINAL.includes(run.status)) return;
        applyOutcome(this, run, fn, max, outcome, Date.now());
        // Something (an event, a timeout, a child run) resolved while the call was in flight: call again.
        if (!TERMINAL.includes(run.status) && run.status !== "queued" && run.stack.some((id) => !seen.has(id))) {
          Object.assign(run, { status: "queued", wakeAt: Date.now() });
          this.save(run);
        }
      })
      .catch((err) => this.log(`run ${run.id}: ${(err as Error).stack ?? err}`))
      .finally(() => {
        this.inFlight.delete(run.id);
        this.flow.release(run);
        this.kick();
      });
  }

  private warnUnsigned(): void {
    if (this.warnedUnsigned) return;
    this.warnedUnsigned = true;
    this.log("the app's responses are not signed with INNGEST_SIGNING_KEY; is the app using the same key?");
  }

  private kick(): void {
    if (!this.stopped) setImmediate(() => this.tick());
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => { this.timers.delete(timer); if (!this.stopped) fn(); }, ms);
    this.timers.add(timer);
  }

  private fireCrons(now: number): void {
    for (const { fn, cron } of dueCrons(this.registry.crons(), this.cronState, now)) {
      const event = { id: newId(now), name: "inngest/scheduled.timer", data: { cron }, ts: now };
      this.logEvent(event);
      this.createRun(fn, event);
    }
    writeJsonAtomic(path.join(this.root, "cron.json"), this.cronState);
  }

  private scheduleCron(): void {
    this.later(msToNextMinute(Date.now()) + 5, () => { this.fireCrons(Date.now()); this.scheduleCron(); });
  }

  async sync(): Promise<SyncResult> {
    const result = await syncApp(this.opts.appUrl, this.opts.signingKey);
    if (result.ok && result.kind === "in_band" && !this.stopped) {
      this.registry.replace(result.functions, result.url);
      this.kick();
    }
    return result;
  }

  /** Syncs now, retrying quickly until the app is up, then re-syncs periodically. */
  private syncLoop(delay = 250): void {
    void this.sync().then((result) => {
      // Once per failure streak: the app is often just slower to boot than we are.
      if (!result.ok && delay === 4000) this.log(`${result.error} (still retrying)`);
      this.later(result.ok ? this.opts.resyncMs ?? 30_000 : Math.min(delay * 2, 5000), () => this.syncLoop(result.ok ? 250 : Math.min(delay * 2, 5000)));
    });
  }

  start(): void {
    const timer = setInterval(() => this.tick(), this.opts.pollMs ?? 100);
    this.timers.add(timer);
    this.scheduleCron();
    this.syncLoop();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight.values()) controller.abort();
    this.store.close();
  }
}

