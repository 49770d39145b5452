import type { FileError } from "./types";

/** A whole-file problem raised while reading; scanReport turns it into a FileError, readReportChunk rethrows it. */
export class ReportFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line?: number | null) {
    super(message);
    this.name = "ReportFileError";
    this.line = line ?? null;
  }
  toFileError(): FileError {
    return this.line == null ? { message: this.message } : { message: this.message, line: this.line };
  }
}
