// YouTube's daily quota resets at midnight Pacific time, so the ledger is keyed by the Pacific calendar day and
// daylight saving time moves the reset between 08:00 UTC (PST) and 07:00 UTC (PDT).
const QUOTA_TIME_ZONE = "America/Los_Angeles";

// Built once: constructing an Intl formatter costs far more than using one.
const pacificParts = new Intl.DateTimeFormat("en-US", {
  timeZone: QUOTA_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function pacificWallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of pacificParts.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Pacific wall time minus UTC at this instant, in ms: −8 h in PST, −7 h in PDT. */
function pacificOffsetMs(instant: Date): number {
  const w = pacificWallTime(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The quota day `now` belongs to, as 'YYYY-MM-DD' in America/Los_Angeles (the ledger's `day`). */
export function quotaDay(now: Date): string {
  const w = pacificWallTime(now);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The next midnight Pacific strictly after `now`: when the quota day after `now`'s begins. */
export function nextQuotaReset(now: Date): Date {
  const today = pacificWallTime(now);
  // Date.UTC rolls day 32 into the next month and December into January.
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day + 1);
  // The offset at midnight can differ from the offset now (the day of a DST change); taking it at the first
  // guess settles it, because Los Angeles changes its clocks at 02:00, never near midnight.
  const guess = midnightAsUtc - pacificOffsetMs(new Date(midnightAsUtc));
  return new Date(midnightAsUtc - pacificOffsetMs(new Date(guess)));
}

