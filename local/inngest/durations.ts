// Inngest time strings are what the SDK's `timeStr` emits: "1w2d3h4m5s" for
// durations, or an ISO timestamp for `sleepUntil`/absolute timeouts.
const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

export function parseDurationMs(input: string): number | null {
  const re = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of input.matchAll(re)) {
    total += Number(match[1]) * UNIT_MS[match[2]];
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === input.replace(/\s+/g, "").length ? total : null;
}

/** Absolute wake time (epoch ms) for a duration or ISO string, relative to `now`. */
export function resolveWakeTime(input: string | undefined | null, now: number): number | null {
  if (!input) return null;
  const ms = parseDurationMs(input);
  if (ms !== null) return now + ms;
  const at = Date.parse(input);
  return Number.isNaN(at) ? null : at;
}

/** Local backoff: 1s, 2s, 4s … capped at 30s; the cloud's minutes-long waits would stall a laptop. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** `retry-after` may be seconds or an HTTP/ISO date. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
