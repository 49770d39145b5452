// Deterministic randomness keyed by an id: the same id must always yield the same fake resource, across
// processes and restarts, so tests and local runs can assert concrete values without storing any state.

/** FNV-1a 32-bit: tiny, stable, and good enough to spread ids over buckets. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 seeded from the id hash; each call to next() advances, so field order matters for stability. */
export function seeded(id: string) {
  let state = hashId(id) || 1;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join("");
  const chars = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join("");
  return { next, int, pick, digits, chars };
}

// "Missing" ids model the real API's behaviour of silently omitting unknown/private ids (1 in 20).
export function exists(id: string): boolean {
  return hashId(id) % 20 !== 0;
}

/** ISO 8601 duration as YouTube prints it: zero components omitted (PT4S, PT1M, PT1H2S). */
export function isoDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (totalSeconds === 0) return "P0D";
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
}

/** A fixed timestamp window (2015–2025) so dates look plausible but never depend on "now". */
export function fixedDate(rng: ReturnType<typeof seeded>, withMillis = false): string {
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const iso = new Date(start + Math.floor(rng.next() * span / 1000) * 1000).toISOString();
  return withMillis ? iso : iso.replace(".000Z", "Z");
}

export const WORDS = {
  adjectives: ["Golden", "Midnight", "Electric", "Silent", "Velvet", "Neon", "Wild", "Paper", "Crystal", "Broken"],
  nouns: ["River", "Heart", "City", "Summer", "Echo", "Garden", "Highway", "Moon", "Signal", "Harbor"],
  artists: ["The Sandbox Band", "Luna Vale", "DJ Loopback", "Marble Coast", "Nora Finch", "Static Pilots"],
  labels: ["Sandbox Records", "Loopback Music", "Localhost Sound", "Test Tone Ltd"],
  genres: ["Pop", "Rock", "Electronic", "Hip-Hop", "Jazz", "Folk", "Classical"],
  suffixes: ["(Official Audio)", "(Official Video)", "(Lyric Video)", "(Live)", "(Visualizer)"],
} as const;
