import { inngest } from "@/inngest/client";
import { importRequested } from "@/inngest/events";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { headReportObject } from "@/lib/storage/get-object";
import { createReportRecords } from "./report-queries";

export type ImportRequest = { keys: string[]; excludeShorts?: boolean; userId?: string | null; triggeredBy: "user" | "webhook" };

/**
 * F3: one `pending` report per file, returned at once; the import runs in the background. Keys outside the
 * reports prefix, unknown keys and an empty list are refused with a message that says what to do.
 */
export async function requestImports(db: Database, request: ImportRequest): Promise<Report[]> {
  const prefix = getEnv().REPORTS_PREFIX;
  const keys = [...new Set(request.keys)];
  if (keys.length === 0) throw new AppError("bad_request", "Choose at least one report file to import.");
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
