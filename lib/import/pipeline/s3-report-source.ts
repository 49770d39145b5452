import { NonRetriableError } from "inngest";
import type { Report } from "@/lib/db/schema";
import { ReportObjectChangedError, streamReportObject, type ObjectPin } from "@/lib/storage/get-object";
import type { ReportSource } from "./report-source";
import type { TextCopyWriter, TextObject } from "./text-layout";
import { scratchPieceWriter } from "./text-scratch";

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
 * The report's bytes as stored in the bucket. Every read of the report is pinned to the ETag (and version) seen
 * when the import was requested, so all steps read the same bytes; a file replaced in between fails the import
 * instead of mixing two files' rows. Reads from the start (`openBytes`) serve the validation; staging steps read
 * byte ranges of the text (`text`): of the object itself when it is a plain CSV, of the scratch copies the
 * validation wrote when it is gzip (`pieceBytes` each), which are pinned to the ETags they were written with.
 */
export function s3ReportSource(
  report: Pick<Report, "id" | "key" | "etag" | "versionId">,
  options: { pieceBytes?: number } = {},
): ReportSource {
  const pin = report.etag || report.versionId ? { etag: report.etag, versionId: report.versionId } : undefined;
  const readReport = async (range: { fromByte?: number; toByte?: number } = {}) => {
    try {
      return await streamReportObject(report.key, { ...range, pin });
    } catch (error) {
      if (error instanceof ReportObjectChangedError) throw new ReportFileChangedError(error.message);
      throw error;
    }
  };
  const readScratch = async (object: TextObject, fromByte: number, toByte: number) => {
    const scratchPin: ObjectPin = { etag: object.etag, versionId: object.versionId };
    try {
      return await streamReportObject(object.key, { fromByte, toByte, pin: scratchPin });
    } catch (error) {
      if (error instanceof ReportObjectChangedError) return null;
      throw error;
    }
  };
  return {
    openBytes: () => readReport(),
    text: {
      keepText: (gzip) => (gzip ? scratchPieceWriter(report.id, options.pieceBytes) : storedObjectIsText(report)),
      openRange: (object, fromByte, toByte) =>
        object.key === report.key ? readReport({ fromByte, toByte }) : readScratch(object, fromByte, toByte),
    },
  };
}

/** A plain CSV needs no copy: its stored bytes are the text, read by range from the object itself. */
function storedObjectIsText(report: Pick<Report, "key" | "etag" | "versionId">): TextCopyWriter {
  let length = 0;
  return {
    add: (bytes, at) => void (length = (at ?? length) + bytes.length),
    finish: async () => [{ key: report.key, etag: report.etag, versionId: report.versionId, start: 0, end: length }],
    abort: async () => {},
  };
}
