import { ReportFileError } from "./file-error";
import type { TextPiece } from "./utf8-decoder";
import { FNV_PRIME, HASH_A_SEED, HASH_B_SEED, finishHash } from "./record-hash";
import { splitRecordText } from "./record-fields";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The fields of a record read past without splitting it (see `RecordSplitter.wanted`): it is counted as a row, and its
 * line and offset are known, but its text is not cut into fields.
 */
export const SKIPPED_FIELDS: readonly string[] = Object.freeze([]) as readonly string[];

/**
 * One CSV record: the 1-based line it starts on, its start offset in the decompressed bytes and a 53-bit hash of its
 * text as stored (record-hash.ts; 0 for a skipped record), computed while finding its end. Its fields are cut from its
 * text only when asked for: a daily file's read needs the cells of a few changed rows and one cell (the video id) of
 * the others, and building a million rows' worth of field strings it would not look at cost more than the scan.
 */
export class RawRecord {
  private cells: string[] | undefined;

  constructor(
    /** The text holding the record, from `start` to `end` (its line break excluded). */
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    /** Whether the record holds a quote: only then does cutting it need the quote rules. */
    private readonly quoted: boolean,
    readonly line: number,
    readonly byteOffset: number,
    readonly hash: number,
    cells?: string[],
  ) {
    this.cells = cells;
  }

  get fields(): string[] {
    return (this.cells ??= splitRecordText(this.text, this.start, this.end, this.quoted));
  }

  /** One field, without cutting the others when the record holds no quote (undefined past the last). */
  field(index: number): string | undefined {
    if (index < 0) return undefined;
    if (this.cells || this.quoted) return this.fields[index];
    const { text, end } = this;
    let from = this.start;
    for (let k = 0; k < index; k++) {
      const comma = text.indexOf(",", from);
      if (comma < 0 || comma >= end) return undefined;
      from = comma + 1;
    }
    const comma = text.indexOf(",", from);
    return text.slice(from, comma < 0 || comma > end ? end : comma);
  }
}

/** Whether a record's text holds nothing but empty fields (a blank line, a spreadsheet's row of commas). */
function isBlank(text: string, start: number, end: number, quoted: boolean): boolean {
  // Almost every record's first character already says it is not blank.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== COMMA && c !== QUOTE) return false;
  }
  return !quoted || splitRecordText(text, start, end, true).every((field) => field === "");
}

/**
 * RFC 4180 record splitter fed with decoded text pieces: quoted fields may hold commas, doubled quotes and line
 * breaks; records end at LF, CRLF or a lone CR. State survives piece boundaries, so a record, a quote pair or a
 * CRLF may be cut anywhere. It only finds where each record ends (and hashes it on the way); its fields are cut
 * when asked for (RawRecord). The scan is one test per ordinary character: every character that means something
 * to CSV (quote, comma, CR, LF) sorts at or below the comma.
 */
export class RecordSplitter {
  /** Text of a record begun in an earlier piece. */
  private carry = "";
  private inQuote = false;
  /** The record seen so far holds a quote. */
  private quoted = false;
  /** The previous piece ended at a field's start, or just after a closing quote (a quote next escapes one). */
  private atFieldStart = true;
  private afterClose = false;
  /** The previous piece ended with CR: a LF opening this piece belongs to that line break. */
  private skipLF = false;
  private line: number;
  private quoteLine = 0;
  private recordLine: number;
  private recordByte: number;
  /**
   * Which records to hand back with their fields, by the line they start on; the others come back with
   * SKIPPED_FIELDS (and hash 0), counted with their line and offset. Consulted as each record ends.
   */
  wanted: ((line: number) => boolean) | undefined;
  /** The two lanes of the current record's hash (record-hash.ts), carried across pieces like its text. */
  private ha = HASH_A_SEED;
  private hb = HASH_B_SEED;

  constructor(start: { byteOffset: number; line: number }, wanted?: (line: number) => boolean) {
    this.line = this.recordLine = start.line;
    this.recordByte = start.byteOffset;
    this.wanted = wanted;
  }

  private record(text: string, start: number, end: number, quoted: boolean, hash: number): RawRecord | null {
    if (isBlank(text, start, end, quoted)) return null;
    if (this.wanted && !this.wanted(this.recordLine)) {
      return new RawRecord("", 0, 0, false, this.recordLine, this.recordByte, 0, SKIPPED_FIELDS as string[]);
    }
    return new RawRecord(text, start, end, quoted, this.recordLine, this.recordByte, hash);
  }

  push(piece: TextPiece): RawRecord[] {
    const { text, byteStart, byteLength } = piece;
    const out: RawRecord[] = [];
    const n = text.length;
    if (n === 0) return out;
    const ascii = n === byteLength;
    // Byte offset of a character index; record starts only move forward, so non-ASCII text is measured once.
    let measuredIdx = 0;
    let measuredByte = byteStart;
    const byteAt = (idx: number): number => {
      if (ascii) return byteStart + idx;
      if (idx === n) return byteStart + byteLength;
      measuredByte += Buffer.byteLength(text.slice(measuredIdx, idx));
      measuredIdx = idx;
      return measuredByte;
    };

    let i = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) {
        i = 1;
        this.recordByte += 1;
      }
    }
    // Where the current record starts in this piece (-1: in an earlier one, its text so far in `carry`), where the
    // current field starts, and the index just after the last closing quote.
    let recordStart = this.carry === "" ? i : -1;
    let fieldStart = this.atFieldStart ? i : -1;
    let closedAt = this.afterClose ? i : -1;
    let { inQuote, quoted, line } = this;
    let ha = this.ha | 0;
    let hb = this.hb | 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > COMMA) {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        continue;
      }
      if (inQuote) {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        if (c === QUOTE) {
          inQuote = false;
          closedAt = i + 1;
        } else if (c === LF) line++;
        continue;
      }
      if (c === LF || c === CR) {
        const hash = finishHash(ha, hb);
        const found =
          recordStart >= 0
            ? this.record(text, recordStart, i, quoted, hash)
            : this.record(this.carry + text.slice(0, i), 0, this.carry.length + i, quoted, hash);
        if (found) out.push(found);
        this.carry = "";
        // `| 0` keeps both lanes int32 in the loop: a seed is no small integer, and a lane that may hold a boxed
        // number made every character's step box one (the scan took twice as long).
        ha = HASH_A_SEED | 0;
        hb = HASH_B_SEED | 0;
        quoted = false;
        line++;
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else this.skipLF = true;
        }
        recordStart = fieldStart = i + 1;
        this.recordLine = line;
        this.recordByte = byteAt(i + 1);
        continue;
      }
      ha = Math.imul(ha ^ c, FNV_PRIME);
      hb = ((hb << 5) - hb + c) | 0;
      if (c === COMMA) fieldStart = i + 1;
      else if (c === QUOTE) {
        quoted = true;
        // A quote right after a closing one is an escaped quote; at a field's start it opens a quoted field;
        // anywhere else it is a stray quote kept as text, like common CSV readers do.
        if (i === closedAt) inQuote = true;
        else if (i === fieldStart) {
          inQuote = true;
          this.quoteLine = line;
        }
      }
    }
    // The record begun in this piece carries over to the next one.
    if (recordStart < n) this.carry += recordStart >= 0 ? text.slice(recordStart) : text;
    Object.assign(this, { inQuote, quoted, line, ha, hb, atFieldStart: fieldStart === n, afterClose: closedAt === n });
    return out;
  }

  /** The last record when the file does not end with a line break; an open quote here means a broken file. */
  end(): RawRecord[] {
    if (this.inQuote) {
      throw new ReportFileError(`Unterminated quoted field: the quote opened on line ${this.quoteLine} is never closed`, this.quoteLine);
    }
    const { carry, quoted } = this;
    const found = carry === "" ? null : this.record(carry, 0, carry.length, quoted, finishHash(this.ha, this.hb));
    Object.assign(this, { carry: "", quoted: false, ha: HASH_A_SEED, hb: HASH_B_SEED, atFieldStart: true, afterClose: false });
    return found ? [found] : [];
  }
}
