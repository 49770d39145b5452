import { ReportFileError } from "./file-error";
import { HeaderFinder } from "./header-detection";
import type { RawRecord } from "./record-splitter";
import { recordBatches, type OpenText, type RecordFilter, type TextListener } from "./record-stream";
import { createRowMapper } from "./row-mapping";
import type { Checkpoint, OpenBytes, RejectedRow, ReportChunk, ReportHeader, ReportRecord, ReportScan } from "./types";

type Opened = { header: ReportHeader; leftover: RawRecord[]; batches: AsyncGenerator<RawRecord[]> };

/** Reads from the top until the header; the records after it in the same batch are the first data rows. */
async function openAtHeader(
  openBytes: OpenBytes,
  options: { filename?: string; openText?: OpenText; onText?: TextListener; filter?: RecordFilter },
): Promise<Opened> {
  const batches = recordBatches(openBytes, options);
  const finder = new HeaderFinder();
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) finder.end();
      const batch = next.value as RawRecord[];
      for (let i = 0; i < batch.length; i++) {
        const header = finder.push(batch[i]);
        if (header) return { header, leftover: batch.slice(i + 1), batches };
      }
    }
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }
}

async function* chain(first: RawRecord[], rest: AsyncGenerator<RawRecord[]>): AsyncGenerator<RawRecord[]> {
  if (first.length) yield first;
  yield* rest;
}

/** Receives the raw data records of a scan as they are read (after the header), batch by batch. */
export type RecordsListener = (header: ReportHeader, records: RawRecord[]) => Promise<void> | void;

/**
 * Reads the whole file once: decompression, UTF-8, header and kind, and the number of data rows (non-blank
 * records after the header). A broken file comes back as `fileError`, never as an exception. `onRecords` sees the
 * raw records on the way (the import fingerprints them there, without mapping a single row), `onText` the
 * decompressed bytes (the import keeps them for its staging steps).
 */
export async function scanReport(
  openBytes: OpenBytes,
  options: { filename?: string; onRecords?: RecordsListener; onText?: TextListener } = {},
): Promise<ReportScan> {
  try {
    const { header, leftover, batches } = await openAtHeader(openBytes, { filename: options.filename, onText: options.onText });
    let totalRows = leftover.length;
    if (leftover.length) await options.onRecords?.(header, leftover);
    for await (const batch of batches) {
      totalRows += batch.length;
      await options.onRecords?.(header, batch);
    }
    return { header, totalRows };
  } catch (error) {
    if (error instanceof ReportFileError) return { totalRows: 0, fileError: error.toFileError() };
    throw error;
  }
}

/** What one decompressed piece of the file yielded: mapped records and rejected rows, in file order. */
export type RowBatch = { records: ReportRecord[]; rejected: RejectedRow[]; fills: ReadonlySet<string> };
export type ChunkEnd = { header: ReportHeader; rowsRead: number; next: Checkpoint | null };

/**
 * Streams up to `maxRows` data rows from a checkpoint (or from the header when null), mapped and validated, one
 * batch per decompressed piece: memory stays flat however large the chunk, and the caller can write a batch while
 * the next one is being decompressed. The header is re-read from the top (a few records), not stored in the
 * checkpoint. Returns where the next chunk starts (null at the end of the file). With `openText` both reads start
 * where they need to; without it the rows before the checkpoint are decompressed and skipped.
 */
export async function* streamReportChunk(
  openBytes: OpenBytes,
  options: {
    checkpoint: Checkpoint | null;
    maxRows: number;
    filename?: string;
    onlyLines?: ReadonlySet<number>;
    openText?: OpenText;
    /** Where the row after this chunk starts, when the caller knows it: the chunk then ends without reading it. */
    nextStart?: { byteOffset: number; line: number };
  },
): AsyncGenerator<RowBatch, ChunkEnd> {
  const { onlyLines } = options;
  const { checkpoint, filename, openText } = options;
  const maxRows = Math.max(1, Math.floor(options.maxRows));
  // Rows the catalog already holds as they are (see lib/import/fingerprint) are only counted: not even cut into fields.
  // Set once the header is found (the header finder needs every record's fields).
  const filter: RecordFilter = {};
  const opened = await openAtHeader(openBytes, { filename, openText, filter });
  const { header } = opened;
  const wanted = onlyLines ? (line: number) => onlyLines.has(line) : undefined;
  let batches: AsyncGenerator<RawRecord[]>;
  if (checkpoint) {
    await opened.batches.return(undefined);
    batches = recordBatches(openBytes, { start: checkpoint, filename, openText, filter: { wanted } });
  } else {
    filter.wanted = wanted;
    batches = chain(opened.leftover, opened.batches);
  }

  const mapRow = createRowMapper(header);
  let rowsRead = 0;
  try {
    for await (const batch of batches) {
      const out: RowBatch = { records: [], rejected: [], fills: mapRow.fills };
      for (const raw of batch) {
        if (rowsRead === maxRows) {
          if (out.records.length || out.rejected.length) yield out;
          return { header, rowsRead, next: { byteOffset: raw.byteOffset, line: raw.line, headerLine: header.headerLine } };
        }
        rowsRead++;
        // Not wanted (the splitter hands those back without fields; the first batch, split before the header was
        // found, with them): counted, never cut or mapped.
        if (onlyLines && !onlyLines.has(raw.line)) continue;
        const mapped = mapRow(raw.fields, raw.line);
        if (mapped.record) out.records.push(mapped.record);
        else out.rejected.push(mapped.rejected);
      }
      if (out.records.length || out.rejected.length) yield out;
      // Reading on would fetch the next chunk's first bytes only to learn where it starts.
      if (rowsRead === maxRows && options.nextStart) {
        return { header, rowsRead, next: { ...options.nextStart, headerLine: header.headerLine } };
      }
    }
  } finally {
    await batches.return(undefined);
  }
  return { header, rowsRead, next: null };
}

/** `streamReportChunk` gathered into one result (small chunks and tests). */
export async function readReportChunk(
  openBytes: OpenBytes,
  options: { checkpoint: Checkpoint | null; maxRows: number; filename?: string },
): Promise<ReportChunk> {
  const records: ReportRecord[] = [];
  const rejected: RejectedRow[] = [];
  const stream = streamReportChunk(openBytes, options);
  for (;;) {
    const step = await stream.next();
    if (step.done) return { ...step.value, records, rejected };
    records.push(...step.value.records);
    rejected.push(...step.value.rejected);
  }
}
