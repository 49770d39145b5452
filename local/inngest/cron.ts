// Five-field cron ("m h dom mon dow"), evaluated in UTC once per minute — the
// same resolution Inngest schedules at. A leading "TZ=Zone " is accepted and
// ignored: local runs don't need zone-accurate schedules.
const RANGES: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function fieldMatches(field: string, value: number, [min, max]: [number, number]): boolean {
  return field.split(",").some((part) => {
    const [rangePart, stepPart] = part.split("/");
    const step = stepPart ? Number(stepPart) : 1;
    let lo = min;
    let hi = max;
    if (rangePart !== "*") {
      const [a, b] = rangePart.split("-").map(Number);
      lo = a;
      hi = b ?? (stepPart ? max : a);
    }
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

export function cronMatches(expression: string, date: Date): boolean {
  const fields = expression.replace(/^(CRON_)?TZ=\S+\s+/, "").trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const dow = date.getUTCDay();
  const values = [date.getUTCMinutes(), date.getUTCHours(), date.getUTCDate(), date.getUTCMonth() + 1, dow];
  return fields.every((field, i) => {
    // Sunday is both 0 and 7 in cron.
    if (i === 4) return fieldMatches(field, dow, RANGES[4]) || (dow === 0 && fieldMatches(field, 7, RANGES[4]));
    return fieldMatches(field, values[i], RANGES[i]);
  });
}

/** Milliseconds until the start of the next UTC minute. */
export function msToNextMinute(now: number): number {
  return 60_000 - (now % 60_000);
}

/**
 * Crons due in the current minute that have not fired yet; marks them in
 * `state` (persisted by the caller) so a restart within the minute doesn't double-fire.
 */
export function dueCrons<T>(crons: Array<{ fn: T & { id: string }; cron: string }>, state: Record<string, number>, now: number) {
  const minute = Math.floor(now / 60_000) * 60_000;
  return crons.filter(({ fn, cron }) => {
    const key = `${fn.id}|${cron}`;
    if ((state[key] ?? 0) >= minute || !cronMatches(cron, new Date(minute))) return false;
    state[key] = minute;
    return true;
  });
}
