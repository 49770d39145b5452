import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { benchRow, benchVideoId, videosReportHeader } from "./generate-videos-report";

// The next day's file of the benchmark's Videos report: as many rows as the first file; 1% of them are new videos (the
// file's last rows), the rest repeat the first file's videos, and one video in twenty of those changed since, in
// one of four ways. Each change touches exactly one catalog field, so the import's audit trail can be checked field
// by field against what the generator changed.

/** How a changed video differs from the first file, and the one catalog field that change must audit. */
export const dailyChanges = [
  { kind: "title", field: "title" },
  { kind: "views", field: "views" },
  { kind: "policy", field: "effective_policy" },
  { kind: "claim", field: "claim_id" },
] as const;

export type DailyChange = (typeof dailyChanges)[number];

const COLUMN = Object.fromEntries(videosReportHeader.map((name, i) => [name, i])) as Record<string, number>;

/** Rows [0, repeated) are the first file's videos; the rest are new. */
export function dailyLayout(rows: number) {
  const newVideos = Math.floor(rows / 100);
  return { repeated: rows - newVideos, newVideos };
}

/** The change row `i` of the daily file carries, or null when it repeats the first file's row unchanged. */
export function dailyChangeOf(i: number, rows: number): DailyChange | null {
  if (i >= dailyLayout(rows).repeated || i % 20 !== 7) return null;
  return dailyChanges[Math.floor(i / 20) % dailyChanges.length];
}

export function dailyRow(i: number, rows: number): string[] {
  const { repeated } = dailyLayout(rows);
  // New videos continue the first file's numbering, so their ids are new.
  if (i >= repeated) return benchRow(rows + (i - repeated));
  const row = benchRow(i);
  switch (dailyChangeOf(i, rows)?.kind) {
    case "title":
      row[COLUMN.video_title] = `Song number ${i} (Official Video)`;
      break;
    case "views":
      row[COLUMN.views] = String(Number(row[COLUMN.views]) + 1000);
      break;
    case "policy":
      row[COLUMN.effective_policy] = row[COLUMN.effective_policy] === "Monetize" ? "Track" : "Monetize";
      break;
    case "claim":
      row[COLUMN.claim_id] = `clm${i}r`;
      break;
  }
  return row;
}

/** What the daily file's import must do to a catalog holding the first file: the videos and fields it changes. */
export function dailyExpectation(rows: number) {
  const changed = new Map<string, string>();
  for (let i = 0; i < dailyLayout(rows).repeated; i++) {
    const change = dailyChangeOf(i, rows);
    if (change) changed.set(benchVideoId(i), change.field);
  }
  return { changed, created: dailyLayout(rows).newVideos };
}

export async function generateDailyFile(path: string, rows: number): Promise<void> {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(path);
  gzip.pipe(out);
  let buffer = videosReportHeader.join(",") + "\n";
  for (let i = 0; i < rows; i++) {
    buffer += dailyRow(i, rows).join(",") + "\n";
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await once(gzip, "drain");
      buffer = "";
    }
  }
  gzip.end(buffer);
  await once(out, "finish");
}
