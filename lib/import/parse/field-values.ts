// Per-field parsers: each returns the value (null when the cell is empty) or throws an Error whose message is
// the reason, completed with the column name by the row mapper.

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const ASSET_ID = /^A\d{15}$/;
const CHANNEL_TAIL = /^[A-Za-z0-9_-]{22}$/;
const INTEGER = /^-?\d+(\.0+)?$/;

export function text(raw: string): string | null {
  return raw.trim() === "" ? null : raw;
}

/** Video ids may start with `-`; spreadsheets that turned them into formulas produce invalid ones, refused here. */
export function videoId(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  if (!VIDEO_ID.test(v)) throw new Error("must be 11 characters of A–Z, a–z, 0–9, - or _");
  return v;
}

export function assetId(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  if (!ASSET_ID.test(v)) throw new Error("must be A followed by 15 digits");
  return v;
}

/** Studio cells join several values with `|` (legacy claim rows, asset labels); API cells with commas. */
export function list(raw: string, separator: "|" | ","): string[] | null {
  const items = raw.split(separator).map((s) => s.trim()).filter(Boolean);
  return items.length ? items : null;
}

export function assetIds(raw: string): string[] {
  return (list(raw, "|") ?? []).map((v) => assetId(v) as string);
}

/** Studio files drop the `UC` prefix of channel ids; the catalog keys channels by the full `UC…` id. */
export function channelId(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  if (v.length === 24 && v.startsWith("UC") && CHANNEL_TAIL.test(v.slice(2))) return v;
  if (CHANNEL_TAIL.test(v)) return `UC${v}`;
  throw new Error("must be UC followed by 22 characters of A–Z, a–z, 0–9, - or _ (the UC may be left out)");
}

export function integer(raw: string): number | null {
  const v = raw.trim();
  if (v === "") return null;
  if (!INTEGER.test(v)) throw new Error("must be a whole number");
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error("is too large");
  return n;
}

const TRUE = new Set(["true", "yes", "1", "y"]);
const FALSE = new Set(["false", "no", "0", "n"]);

export function bool(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === "") return null;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new Error("must be true/false, yes/no, 1/0 or Y/N");
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Day `YYYYMMDD`, Month `YYYYMM` or API `date` (`YYYYMMDD` or `YYYY-MM-DD`) → first day of that month. */
export function period(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  const m = /^(\d{4})-?(\d{2})(?:-?(\d{2}))?$/.exec(v);
  if (!m || !validDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1)) {
    throw new Error("must be a date written YYYYMMDD (or a month YYYYMM)");
  }
  return `${m[1]}-${m[2]}-01`;
}

const TIMESTAMP = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * Videos-report timestamps (format not documented): ISO 8601 or `YYYY/MM/DD HH:MM:SS`, with or without zone.
 * Without a zone UTC is assumed. Returned as ISO 8601 UTC.
 */
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function timestamp(raw: string): string | null {
  const v = raw.trim();
  if (v === "") return null;
  // Already in toISOString() form: checking it is much cheaper than a round trip through Date.
  const c = CANONICAL.exec(v);
  if (c && validDate(Number(c[1]), Number(c[2]), Number(c[3]))) return v;
  const m = TIMESTAMP.exec(v);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error("must be a date and time such as 2025-06-01T12:00:00Z");
  let zone = (m[8] ?? "Z").toUpperCase();
  if (zone === "UTC") zone = "Z";
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? "00"}:${m[5] ?? "00"}:${m[6] ?? "00"}${m[7] ?? ""}${zone}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59) throw new Error("must be a date and time such as 2025-06-01T12:00:00Z");
  return new Date(time).toISOString();
}

/**
 * Caches a parser's results per distinct cell text: timestamps, channel ids and dates repeat on every claim row
 * of a video, and re-parsing them was the main cost of a chunk. Bounded; never used for array results (shared
 * arrays could be mutated through one record). Invalid values are not cached, they throw each time. Where values
 * do not repeat (a Videos report's upload times, one per video) the cache only costs: after a window of lookups
 * that found almost nothing it is left out for a while (then tried again, in case the file's rows change).
 */
export function memoized<T>(parse: (raw: string) => T, limit = 10_000): (raw: string) => T {
  let cache = new Map<string, T>();
  let lookups = 0;
  let hits = 0;
  let bypass = 0;
  return (raw) => {
    if (bypass > 0) {
      bypass--;
      return parse(raw);
    }
    const hit = cache.get(raw);
    if (++lookups === MEMO_WINDOW) {
      if (hits < MEMO_WINDOW / 8) {
        bypass = MEMO_WINDOW * 32;
        cache = new Map();
      }
      lookups = hits = 0;
    }
    if (hit !== undefined) {
      hits++;
      return hit;
    }
    const value = parse(raw);
    if (cache.size >= limit) cache = new Map();
    cache.set(raw, value);
    return value;
  };
}

/** Lookups per look at how often the cache is hit. */
const MEMO_WINDOW = 4096;
