// Google's advice for rate limits and 5xx: truncated exponential backoff with jitter, a capped number of retries.
// A rate limit starts slower (2 s) than a server error (1 s) because it says we asked too fast, not that Google
// stumbled; a Retry-After header, when sent, is the server's own answer and wins.

/** After this many retries a task fails with its last error instead of being rescheduled again. */
export const MAX_TASK_RETRIES = 6;

const FIRST_DELAY_MS = { rate_limited: 2_000, transient: 1_000 } as const;
const MAX_DELAY_MS = 64_000;
/** A Retry-After longer than this is treated as this: a task must not vanish for hours on one header. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;
const MAX_JITTER_MS = 1_000;

export function backoffDelayMs(o: {
  kind: "rate_limited" | "transient";
  /** Retries already made (0 for the first failure). */
  attempt: number;
  retryAfterMs?: number;
  random?: () => number;
}): number {
  const random = o.random ?? Math.random;
  if (o.retryAfterMs !== undefined) {
    // A little jitter still, so drains told the same second do not all come back in it.
    return Math.min(o.retryAfterMs, MAX_RETRY_AFTER_MS) + Math.round(random() * 250);
  }
  const exponential = FIRST_DELAY_MS[o.kind] * 2 ** Math.max(0, o.attempt);
  return Math.min(exponential + Math.round(random() * MAX_JITTER_MS), MAX_DELAY_MS);
}
