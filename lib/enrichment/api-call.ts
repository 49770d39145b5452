import type { Database } from "@/lib/db/client";
import { classifyYouTubeError, type ClassifiedYouTubeError } from "@/lib/youtube/api-errors";
import type { YouTubeAuthMode } from "@/lib/youtube/clients";
import { describeTokenError, recordTokenFailure } from "@/lib/youtube/token-health";
import { noteGoogleAnswered } from "@/lib/youtube/token-failures";
import type { Clock } from "./clock";
import { markQuotaExhausted, reserveRequest } from "./quota-ledger";
import type { TaskContext } from "./task-types";
import { backoffDelayMs } from "./backoff";

// The one door to Google for task handlers: every request reserves a unit of the shared daily budget first, waits
// for its slot (≥ 100 ms after the previous call of any drain), and turns Google's errors into the four outcomes
// the drain acts on. gaxios' own retry is off in our clients, so this is the only retry policy.

/** No requests until the quota day resets: our budget is spent or Google said quotaExceeded. */
export class QuotaPause extends Error {
  constructor(
    readonly resetAt: Date,
    readonly reason: "budget_spent" | "google_quota_exceeded",
  ) {
    super(
      reason === "budget_spent"
        ? `Today's API budget is spent; work resumes after the quota day resets at ${resetAt.toISOString()}.`
        : `Google answered quotaExceeded; work resumes after the quota day resets at ${resetAt.toISOString()}.`,
    );
    this.name = "QuotaPause";
  }
}

/** A rate limit, a 5xx or a network failure: the task runs again at retryAt. */
export class RetryLater extends Error {
  constructor(
    readonly retryAt: Date,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

/** Google refused our credentials: retrying cannot help until someone fixes them, so draining stops. */
export class TokenFailure extends Error {
  constructor(message: string) {
    super(`Google refused our token: ${message}; fix it on Admin → Google.`);
    this.name = "TokenFailure";
  }
}

/** Any other refusal (a 4xx that is not about quota, rate or token): the task fails with Google's message. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

export type ApiCallerOptions = {
  db: Database;
  clock: Clock;
  budget: number;
  /** Waits for a call slot; tests that inject a clock pass one that moves it. */
  sleep?: (ms: number) => Promise<void>;
  /** How often the task has been retried already: the backoff grows with it. */
  retryCount: number;
  minSpacingMs?: number;
  random?: () => number;
  /** Words the Admin page's token health uses for a refused token depend on how we authenticate. */
  authMode?: YouTubeAuthMode | null;
};

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createApiCaller(options: ApiCallerOptions): { call: TaskContext["call"]; requests(): number } {
  const { db, clock, budget, sleep = realSleep, retryCount, random = Math.random } = options;
  let requests = 0;

  async function call<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    const reservation = await reserveRequest(db, { endpoint, budget, now: clock.now(), minSpacingMs: options.minSpacingMs });
    if (!reservation.ok) throw new QuotaPause(reservation.resetAt, reservation.reason);
    const wait = reservation.slotAt.getTime() - clock.now().getTime();
    if (wait > 0) await sleep(wait);
    requests++;
    try {
      const answer = await fn();
      // Google took our token: a refusal recorded earlier no longer holds (drains stop while one does).
      noteGoogleAnswered(clock.now());
      return answer;
    } catch (error) {
      throw await translate(error, classifyYouTubeError(error));
    }
  }

  async function translate(error: unknown, e: ClassifiedYouTubeError): Promise<unknown> {
    const described = describe(e);
    switch (e.kind) {
      case "quota_exceeded":
        return new QuotaPause(await markQuotaExhausted(db, clock.now()), "google_quota_exceeded");
      case "rate_limited":
      case "transient": {
        const delay = backoffDelayMs({ kind: e.kind, attempt: retryCount, retryAfterMs: e.retryAfterMs, random });
        return new RetryLater(new Date(clock.now().getTime() + delay), e.reason ?? e.kind, described);
      }
      case "auth":
        recordTokenFailure(describeTokenError(error, options.authMode ?? null), clock.now());
        return new TokenFailure(described);
      case "not_found":
        // Handlers that GET one item turn this into a "not found" result for that item.
        return error;
      default:
        return new ApiFailure(described, e.status, e.reason);
    }
  }

  return { call, requests: () => requests };
}

function describe(e: ClassifiedYouTubeError): string {
  const code = [e.status, e.reason].filter((part) => part !== undefined).join(" ");
  return code ? `${code}: ${e.message}` : e.message;
}
