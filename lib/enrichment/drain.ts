import type { Database } from "@/lib/db/client";
import type { YouTubeClients } from "@/lib/youtube/clients";
import { lastTokenFailure } from "@/lib/youtube/token-failures";
import { ApiFailure, createApiCaller, QuotaPause, RetryLater, TokenFailure } from "./api-call";
import { MAX_TASK_RETRIES } from "./backoff";
import type { Clock } from "./clock";
import { publishProcessorStatus, publishSyncCompletes, publishSyncError, publishTaskComplete } from "./queue-events";
import { claimNextTask, completeTask, failTask, hasDueWork, nextRunAfter, releaseTask, rescheduleTask, type ClaimedTask } from "./queue-store";
import { quotaUsage } from "./quota-ledger";
import { taskHandlers } from "./tasks";

// One unit of enrichment work: claim a task (or carve one from the asset backlog), run its handler through the
// quota-keeping API caller, record the outcome and tell the Queue page. The Inngest function only repeats this.

export type DrainOutcome =
  | { kind: "ran"; taskId: number; status: "completed" | "failed" | "rescheduled" }
  /** Nothing to do now; `nextRunAfter` when tasks are waiting for their backoff. */
  | { kind: "idle"; nextRunAfter?: Date }
  | { kind: "wait"; until: Date; reason: "quota" }
  | { kind: "stopped"; reason: string };

export type DrainDeps = {
  db: Database;
  clients: YouTubeClients;
  clock: Clock;
  budget: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

/**
 * After Google refused our token, drains that start within this time stop without claiming anything: one task
 * failed with the reason is enough, and every further attempt would cost a token request and fail another task.
 * The 5-minute cron then tries again, so repaired credentials resume the work by themselves.
 */
export const TOKEN_RETRY_MS = 5 * 60_000;

export async function drainOne(deps: DrainDeps): Promise<DrainOutcome> {
  const { db, clock, budget } = deps;
  const now = clock.now();
  const refused = lastTokenFailure();
  if (refused && now.getTime() - refused.at.getTime() < TOKEN_RETRY_MS) {
    await announce(deps, false);
    return { kind: "stopped", reason: `Google refused our token: ${refused.reason}. Fix it on Admin → Google; work resumes by itself afterwards.` };
  }
  // A spent day is known before claiming: claiming and releasing would only churn rows (and carve backlog) for nothing.
  const quota = await quotaUsage(db, { now, budget });
  if (quota.exhausted && (await hasDueWork(db, now))) {
    await announce(deps, false);
    return { kind: "wait", until: new Date(quota.resetAt), reason: "quota" };
  }
  const task = await claimNextTask(db, now);
  if (!task) {
    await announce(deps, false);
    const next = await nextRunAfter(db, now);
    return next ? { kind: "idle", nextRunAfter: next } : { kind: "idle" };
  }
  const outcome = await runTask(deps, task);
  // Counts after the task; `running` stays true while tasks keep coming (the next drain says when it stops).
  await announce(deps, outcome.kind === "ran");
  return outcome;
}

async function runTask(deps: DrainDeps, task: ClaimedTask): Promise<DrainOutcome> {
  const { db, clock } = deps;
  const sandbox = deps.clients.sandbox;
  const caller = createApiCaller({
    db, clock, budget: deps.budget, sleep: deps.sleep, retryCount: task.retryCount, random: deps.random, authMode: deps.clients.authMode,
  });
  const handler = taskHandlers[task.taskType];
  try {
    if (!handler) throw new ApiFailure(`Unknown task type "${task.taskType}".`);
    const run = await handler.run(
      { db, clients: deps.clients, call: caller.call, taskId: task.id, forceRefresh: task.payload.force_refresh === true, sandbox, now: clock.now() },
      task.itemIds,
    );
    const finishedAt = clock.now();
    await completeTask(db, task.id, { items: run.items, requests: caller.requests(), sandbox, videos_touched: run.videosTouched }, finishedAt);
    await publishTaskComplete(task, { status: "completed", items: run.items });
    await publishSyncCompletes(task.id, run.videoChanges, { at: finishedAt, sandbox });
    return { kind: "ran", taskId: task.id, status: "completed" };
  } catch (error) {
    return recordFailure(deps, task, error, caller.requests());
  }
}

async function recordFailure(deps: DrainDeps, task: ClaimedTask, error: unknown, requests: number): Promise<DrainOutcome> {
  const { db, clock } = deps;
  const now = clock.now();
  const message = error instanceof Error ? error.message : String(error);

  if (error instanceof QuotaPause) {
    // Not the task's fault: it keeps its place and its retry count.
    await releaseTask(db, task.id, now);
    await publishSyncError(task, { error: message, reason: "quota", retryAt: error.resetAt });
    return { kind: "wait", until: error.resetAt, reason: "quota" };
  }
  if (error instanceof RetryLater && task.retryCount < MAX_TASK_RETRIES) {
    await rescheduleTask(db, task.id, error.retryAt, message, now);
    await publishSyncError(task, { error: message, reason: error.reason, retryAt: error.retryAt });
    return { kind: "ran", taskId: task.id, status: "rescheduled" };
  }
  const final = error instanceof RetryLater ? `${message} (gave up after ${MAX_TASK_RETRIES} retries)` : message;
  await failTask(db, task.id, final, now, { items: {}, requests, sandbox: deps.clients.sandbox });
  await publishTaskComplete(task, { status: "failed", error: final });
  await publishSyncError(task, { error: final, reason: failureReason(error), retryAt: null });
  if (error instanceof TokenFailure) return { kind: "stopped", reason: final };
  return { kind: "ran", taskId: task.id, status: "failed" };
}

function failureReason(error: unknown): string {
  if (error instanceof TokenFailure) return "auth";
  if (error instanceof RetryLater) return error.reason;
  if (error instanceof ApiFailure) return error.reason ?? "api_error";
  return "error";
}

/** processor_status and the dashboard snapshot; realtime must never turn a drained task into a failed step. */
async function announce(deps: DrainDeps, running: boolean): Promise<void> {
  try {
    await publishProcessorStatus(deps.db, { running, clock: deps.clock, budget: deps.budget });
  } catch (error) {
    console.warn("[enrichment] publishing processor_status failed:", error);
  }
}
