import { ReportFileError } from "./file-error";
import type { RawRecord } from "./record-splitter";
import { KNOWN_KIND_IDS, matchKind, publicKind } from "./report-kinds";
import type { ReportHeader } from "./types";

/** Title lines (`Asset Summary`) and a preamble can sit above the header; it is looked for in this many records. */
export const HEADER_SEARCH_RECORDS = 10;

/**
 * One spelling for both families: `Video Duration (sec)` → `video_duration_sec`,
 * `Partner Revenue : Auction` → `partner_revenue_auction`, `Multiple Claims?` → `multiple_claims`.
 */
export function normalizeHeaderName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s()?:]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
}

/** The header if this record is one of a known kind (title lines have a single field and never are). */
export function headerFromRecord(record: RawRecord): ReportHeader | null {
  if (record.fields.length < 2) return null;
  const spec = matchKind(new Set(record.fields.map(normalizeHeaderName)));
  return spec ? { kind: publicKind(spec), columns: record.fields.map((f) => f.trim()), headerLine: record.line } : null;
}

/** Feeds the first records of a file until the header is found; fails once it cannot be anymore. */
export class HeaderFinder {
  private seen: RawRecord[] = [];

  /** The header, or null while more records may still hold it. */
  push(record: RawRecord): ReportHeader | null {
    this.seen.push(record);
    const header = headerFromRecord(record);
    if (header) return header;
    if (this.seen.length >= HEADER_SEARCH_RECORDS) throw this.unknown();
    return null;
  }

  /** At the end of the file without a header. */
  end(): never {
    if (this.seen.length === 0) throw new ReportFileError("The file is empty");
    throw this.unknown();
  }

  private unknown(): ReportFileError {
    const candidate = this.seen.find((r) => r.fields.length > 1) ?? this.seen[0];
    const found = candidate.fields.map((f) => f.trim()).filter(Boolean).slice(0, 40).join(", ");
    return new ReportFileError(
      `Not a recognised YouTube report. Headers found: ${found || "(none)"}. Known kinds: ${KNOWN_KIND_IDS.join(", ")}.`,
      candidate.line,
    );
  }
}
