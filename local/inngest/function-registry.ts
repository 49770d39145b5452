import path from "node:path";
import { readJson, writeJsonAtomic } from "./run-store";

// The function config shape the SDK sends when syncing (`registerBody().functions`).
export interface FunctionTrigger {
  event?: string;
  expression?: string;
  cron?: string;
}

export interface ConcurrencyConfig {
  limit: number;
  key?: string;
  scope?: "fn" | "env" | "account";
}

export interface CancelConfig {
  event: string;
  if?: string;
  timeout?: string;
}

export interface FunctionConfig {
  id: string;
  name?: string;
  triggers: FunctionTrigger[];
  steps: Record<string, { id: string; runtime: { type?: string; url: string }; retries?: { attempts?: number } }>;
  concurrency?: number | ConcurrencyConfig | ConcurrencyConfig[];
  throttle?: { limit: number; period: string; key?: string; burst?: number };
  cancel?: CancelConfig[];
  [other: string]: unknown;
}

/** Inngest's default: 4 retries, i.e. 5 attempts. */
const DEFAULT_RETRIES = 4;

export function maxAttempts(fn: FunctionConfig): number {
  const attempts = Object.values(fn.steps ?? {})[0]?.retries?.attempts;
  return (typeof attempts === "number" ? attempts : DEFAULT_RETRIES) + 1;
}

export function stepUrl(fn: FunctionConfig): string {
  const step = fn.steps?.step ?? Object.values(fn.steps ?? {})[0];
  if (!step) throw new Error(`function ${fn.id} has no step runtime`);
  return step.runtime.url;
}

/** `app/*` style wildcards are allowed in event triggers. */
export function eventNameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  return pattern.endsWith("*") && name.startsWith(pattern.slice(0, -1));
}

/** Latest synced functions, persisted so a restarted executor can resume runs before re-syncing. */
export class FunctionRegistry {
  private fns = new Map<string, FunctionConfig>();
  appUrl: string | null = null;
  syncedAt: number | null = null;
  private readonly file: string;

  constructor(root: string) {
    this.file = path.join(root, "functions.json");
    const saved = readJson<{ appUrl: string | null; functions: FunctionConfig[] } | null>(this.file, null);
    if (saved) this.replace(saved.functions, saved.appUrl, false);
  }

  replace(functions: FunctionConfig[], appUrl: string | null, persist = true): void {
    this.fns = new Map(functions.map((fn) => [fn.id, fn]));
    this.appUrl = appUrl;
    if (persist) {
      this.syncedAt = Date.now();
      writeJsonAtomic(this.file, { appUrl, functions });
    }
  }

  get(id: string): FunctionConfig | undefined {
    return this.fns.get(id);
  }

  list(): FunctionConfig[] {
    return [...this.fns.values()];
  }

  triggeredBy(eventName: string): Array<{ fn: FunctionConfig; trigger: FunctionTrigger }> {
    const out: Array<{ fn: FunctionConfig; trigger: FunctionTrigger }> = [];
    for (const fn of this.fns.values()) {
      const trigger = fn.triggers?.find((t) => t.event && eventNameMatches(t.event, eventName));
      if (trigger) out.push({ fn, trigger });
    }
    return out;
  }

  crons(): Array<{ fn: FunctionConfig; cron: string }> {
    return this.list().flatMap((fn) => (fn.triggers ?? []).filter((t) => t.cron).map((t) => ({ fn, cron: t.cron! })));
  }
}
