import { streamReportObject } from "@/lib/storage/get-object";
import type { ReportSource } from "./report-source";

/** The report's bytes as stored in the bucket, read from the start each time a step opens them. */
export function s3ReportSource(key: string): ReportSource {
  return { openBytes: () => streamReportObject(key) };
}
