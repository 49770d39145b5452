import { AppError } from "@/lib/errors";

// YouTube video ids are 11 characters of the URL-safe base64 alphabet.
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export function isVideoId(value: string): boolean {
  return VIDEO_ID.test(value);
}

/** A video id from a path segment: exactly 11 of `A–Z a–z 0–9 _ -`, else 400 naming what was sent. */
export function parseVideoId(value: string | undefined): string {
  if (value !== undefined && isVideoId(value)) return value;
  const shown = JSON.stringify((value ?? "").slice(0, 40));
  throw new AppError("bad_request", `Video id must be the 11-character YouTube id (letters, digits, "_" or "-"); got ${shown}.`, [
    { field: "video_id", message: "must match [A-Za-z0-9_-]{11}" },
  ]);
}
