import { inngest } from "@/inngest/client";
import { importRequested } from "@/inngest/events";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasControlCharacters } from "@/lib/http/parse";
import { headReportObject } from "@/lib/storage/get-object";
import { createReportRecords } from "./report-queries";

export type ImportRequest = { keys: string[]; excludeShorts?: boolean; userId?: string | null; triggeredBy: "user" | "webhook" };

/**
 * F3: one `pending` report per file, returned at once; the import runs in the background. Keys outside the
 * reports prefix, unknown keys and an empty list are refused with a message that says what to do. The ETag
 * (and version) seen here is stored on the report: every step of the import reads exactly that object.
 */
export async function requestImports(db: Database, request: ImportRequest): Promise<Report[]> {
  const prefix = getEnv().REPORTS_PREFIX;
  const keys = [...new Set(request.keys)];
  if (keys.length === 0) throw new AppError("bad_request", "Choose at least one report file to import.");
  // A NUL or line break is never part of a report's name, and S3 clients fail on some of them (a 500 before).
  const garbled = keys.filter(hasControlCharacters);
  if (garbled.length > 0) {
    throw new AppError("bad_request", "File names must not contain control characters; pick the files from the list again.", { keys: garbled });
  }
  const outside = keys.filter((key) => !key.startsWith(prefix) || key.includes("..") || key === prefix);
  if (outside.length > 0) {
    throw new AppError("bad_request", `Only files under "${prefix}" can be imported; refused: ${outside.join(", ")}.`, { keys: outside });
  }
  const heads = await Promise.all(keys.map(async (key) => ({ key, head: await headReportObject(key) })));
  const missing = heads.filter((h) => !h.head).map((h) => h.key);
  if (missing.length > 0) {
    throw new AppError("bad_request", `These files are not in the bucket (refresh the list and pick again): ${missing.join(", ")}.`, { keys: missing });
  }
  const created = await createReportRecords(
    db,
    heads.map(({ key, head }) => ({
      key,
      filename: key.slice(key.lastIndexOf("/") + 1),
      size: head!.size,
      etag: head!.etag,
      versionId: head!.versionId ?? null,
      excludeShorts: request.excludeShorts ?? false,
      triggeredBy: request.triggeredBy,
      createdBy: request.userId ?? null,
    })),
  );
  await inngest.send(created.map((report) => importRequested.create({ reportId: report.id })));
  return created;
}
