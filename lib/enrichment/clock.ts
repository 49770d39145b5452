/**
 * Where enrichment code reads the time. Quota days, call slots and retry times all come from one injected clock,
 * so tests and the benchmark can move to the next quota day without waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
