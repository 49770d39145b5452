import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: unknown;
  v?: string;
}

export type StepResult = { data: unknown } | { error: unknown };

export type Wait =
  | { kind: "sleep"; stepId: string; until: number }
  | { kind: "event"; stepId: string; event: string; if?: string; until: number | null }
  | { kind: "invoke"; stepId: string; childRunId: string; until: number | null };

export type RunStatus = "queued" | "running" | "sleeping" | "waiting" | "completed" | "failed" | "cancelled";

export interface Run {
  id: string;
  functionId: string;
  event: InngestEvent;
  events: InngestEvent[];
  status: RunStatus;
  /** Memoized step results keyed by the SDK's hashed step id. */
  steps: Record<string, StepResult>;
  /** Completion order of `steps`, sent back as `ctx.stack.stack`. */
  stack: string[];
  stepNames: Record<string, string>;
  /** Hashed ids the SDK planned (parallel steps) that still need a targeted call. */
  planned: string[];
  waits: Wait[];
  /** Attempt of the current step (or of the function body), reset on progress. */
  attempt: number;
  wakeAt: number;
  concurrencyKeys: Array<{ key: string; limit: number }>;
  throttleKey?: string;
  parent?: { runId: string; stepId: string };
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  output?: unknown;
  error?: unknown;
}

export const TERMINAL: RunStatus[] = ["completed", "failed", "cancelled"];

/** Sortable, unique ids in the spirit of Inngest's ULIDs. */
export function newId(now = Date.now()): string {
  return `01${now.toString(36).padStart(10, "0")}${randomBytes(8).toString("hex")}`.toUpperCase();
}

/** Writes via a temp file + rename so a kill mid-write never leaves half a JSON file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

export function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return fallback;
  }
}

/** One JSON file per run under `${dataDir}/inngest/runs`; everything lives in memory too. */
export class RunStore {
  readonly runs = new Map<string, Run>();
  private readonly dir: string;
  private closed = false;

  constructor(readonly root: string, private readonly keepFinished = 500) {
    this.dir = path.join(root, "runs");
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(".json")) continue;
      const run = readJson<Run | null>(path.join(this.dir, name), null);
      if (!run) continue;
      // A call that was in flight when the previous process died never reported back: redo it.
      if (run.status === "running") run.status = "queued";
      this.runs.set(run.id, run);
    }
  }

  save(run: Run): void {
    if (this.closed) return;
    this.runs.set(run.id, run);
    writeJsonAtomic(path.join(this.dir, `${run.id}.json`), run);
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  all(): Run[] {
    return [...this.runs.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  active(): Run[] {
    return this.all().filter((r) => !TERMINAL.includes(r.status));
  }

  /** Drops the oldest finished runs so the directory stays small on long-lived machines. */
  prune(): void {
    const finished = this.all().filter((r) => TERMINAL.includes(r.status));
    for (const run of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.runs.delete(run.id);
      rmSync(path.join(this.dir, `${run.id}.json`), { force: true });
    }
  }

  /** After close, late results of aborted calls must not overwrite what a successor reads. */
  close(): void {
    this.closed = true;
  }
}
