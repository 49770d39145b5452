import type { Video } from "@/lib/db/schema";
import type { VideoRecord } from "./types";

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const INTERNAL = new Set(["sourceFingerprint", "sourceFingerprintAt"]);

/** A catalog row as the API and the page show it: snake_case keys, ISO times, no import-internal columns. */
export function toVideoRecord(video: Video): VideoRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(video)) {
    if (INTERNAL.has(key)) continue;
    out[snake(key)] = value instanceof Date ? value.toISOString() : value;
  }
  return out as VideoRecord;
}
