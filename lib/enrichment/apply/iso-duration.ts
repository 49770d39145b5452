const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Seconds of a YouTube ISO-8601 duration (PT3M33S, PT2H5S, P1DT2H3M4S; live and upcoming videos send P0D).
 * Undefined when it is not one, so a malformed value never overwrites a known length.
 */
export function isoDurationSeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const match = DURATION.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return Math.round(((weeks * 7 + days) * 24 + hours) * 3600 + minutes * 60 + seconds);
}
