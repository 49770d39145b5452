import { NonRetriableError } from "inngest";
import type { Report } from "@/lib/db/schema";
import { ReportObjectChangedError, streamReportObject } from "@/lib/storage/get-object";
import type { ReportSource } from "./report-source";

/**
 * The file was replaced or deleted mid-import: retrying cannot bring the requested bytes back. The message has
 * no final period because the import's failure handler builds a sentence around it.
 */
export class ReportFileChangedError extends NonRetriableError {
  constructor(message: string) {
    super(message.replace(/\.$/, ""));
    this.name = "ReportFileChangedError";
  }
}

/**
 * The report's bytes as stored in the bucket, read from the start each time a step opens them. Every read is
 * pinned to the ETag (and version) seen when the import was requested, so all steps read the same bytes; a file
 * replaced in between fails the import instead of mixing two files' rows.
 */
export function s3ReportSource(report: Pick<Report, "key" | "etag" | "versionId">): ReportSource {
  const pin = report.etag || report.versionId ? { etag: report.etag, versionId: report.versionId } : undefined;
  return {
    openBytes: async () => {
      try {
        return await streamReportObject(report.key, { pin });
      } catch (error) {
        if (error instanceof ReportObjectChangedError) throw new ReportFileChangedError(error.message);
        throw error;
      }
    },
  };
}
