export * from "./types";
export { scanReport, readReportChunk, streamReportChunk, type RowBatch, type ChunkEnd, type RecordsListener } from "./read-report";
export type { RawRecord } from "./record-splitter";
export { decideShort, type ShortsDecision, type ShortsRule } from "./shorts";
export { REPORT_KINDS, KNOWN_KIND_IDS } from "./report-kinds";
export { normalizeHeaderName } from "./header-detection";
export { addDecimals } from "./decimal";
export { ReportFileError } from "./file-error";
export { sampleReports } from "./sample-reports";
