import { ReportFileError } from "./file-error";
import type { TextPiece } from "./utf8-decoder";
import { FNV_PRIME, HASH_A_SEED, HASH_B_SEED, finishHash } from "./record-hash";

/**
 * One CSV record: its fields, the 1-based line it starts on, its start offset in the decompressed bytes and a 53-bit
 * hash of its text as stored (record-hash.ts; 0 for a skipped record), computed while splitting it.
 */
export type RawRecord = { fields: string[]; line: number; byteOffset: number; hash: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The fields of a record read past without splitting it (see `RecordSplitter.wanted`): it is counted as a row, and its
 * line and offset are known, but its text is not cut into fields.
 */
export const SKIPPED_FIELDS: readonly string[] = Object.freeze([]) as readonly string[];

/** Empty lines and rows of only commas (spreadsheet leftovers) carry nothing and are not counted as rows. */
function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i] !== "") return false;
  return true;
}

/**
 * RFC 4180 record splitter fed with decoded text pieces: quoted fields may hold commas, doubled quotes and line
 * breaks; records end at LF, CRLF or a lone CR. State survives piece boundaries, so a record, a quote pair or a
 * CRLF may be cut anywhere. A char-scanning state machine keeps 1M-row files to a few seconds.
 */
export class RecordSplitter {
  private fields: string[] = [];
  /** Text of the current field not yet pushed: carried across pieces and escaped quotes. */
  private cur = "";
  private inQuote = false;
  /** Just after the closing quote of a quoted field: another quote means an escaped `""`. */
  private closedQuote = false;
  /** The previous piece ended with CR: a LF opening this piece belongs to that line break. */
  private skipLF = false;
  private line: number;
  private quoteLine = 0;
  private recordLine: number;
  private recordByte: number;
  /**
   * Which records to cut into fields, by the line they start on; the others are only scanned to their end and come
   * back with SKIPPED_FIELDS. A staging step that needs a few changed rows of a chunk then does not build the
   * strings of all the others (most of a daily file's read). Consulted at each record's start.
   */
  wanted: ((line: number) => boolean) | undefined;
  /** The current record is being skipped; `skipContent`: a field of it already ended holding something. */
  private skipping = false;
  private skipContent = false;
  /** The two lanes of the current record's hash (record-hash.ts), carried across pieces like its fields. */
  private ha = HASH_A_SEED;
  private hb = HASH_B_SEED;

  constructor(start: { byteOffset: number; line: number }, wanted?: (line: number) => boolean) {
    this.line = this.recordLine = start.line;
    this.recordByte = start.byteOffset;
    this.wanted = wanted;
    this.skipping = wanted ? !wanted(start.line) : false;
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

    let { fields, cur, inQuote, closedQuote, line } = this;
    let i = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) { i = 1; this.recordByte += 1; }
    }
    let seg = i;
    let { skipping, skipContent, ha, hb } = this;
    // One state machine for both kinds of record. A skipped record (see `wanted`) builds no field: the slices and
    // pushes are left out, and whether it holds anything but commas and empty quotes is tracked instead. The hash
    // takes every character of the record but its line break (inline: this loop runs once per character).
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inQuote) {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        if (c === QUOTE) {
          if (!skipping) cur += text.slice(seg, i);
          else if (i > seg || cur !== "") skipContent = true;
          inQuote = false;
          closedQuote = true;
          seg = i + 1;
        } else if (c === LF) line++;
        continue;
      }
      if (c === COMMA) {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        if (!skipping) fields.push(seg === i ? cur : cur + text.slice(seg, i));
        else if (seg !== i || cur !== "") skipContent = true;
        cur = "";
        seg = i + 1;
        closedQuote = false;
      } else if (c === LF || c === CR) {
        if (skipping) {
          if (skipContent || seg !== i || cur !== "") out.push({ fields: SKIPPED_FIELDS as string[], line: this.recordLine, byteOffset: this.recordByte, hash: 0 });
        } else {
          fields.push(seg === i ? cur : cur + text.slice(seg, i));
          if (!isBlank(fields)) out.push({ fields, line: this.recordLine, byteOffset: this.recordByte, hash: finishHash(ha, hb) });
          fields = [];
        }
        ha = HASH_A_SEED;
        hb = HASH_B_SEED;
        cur = "";
        closedQuote = false;
        line++;
        if (c === CR) {
          if (i + 1 < n) { if (text.charCodeAt(i + 1) === LF) i++; }
          else this.skipLF = true;
        }
        seg = i + 1;
        this.recordLine = line;
        this.recordByte = byteAt(i + 1);
        skipping = this.wanted ? !this.wanted(line) : false;
        skipContent = false;
      } else if (c === QUOTE) {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        if (closedQuote) {
          // An escaped quote: the field holds a '"'.
          if (!skipping) cur += '"';
          else skipContent = true;
          inQuote = true;
          closedQuote = false;
          seg = i + 1;
        } else if (seg === i && cur === "") { inQuote = true; this.quoteLine = line; seg = i + 1; }
        // Otherwise a stray quote inside an unquoted field: kept as text, like common CSV readers do.
      } else {
        ha = Math.imul(ha ^ c, FNV_PRIME);
        hb = ((hb << 5) - hb + c) | 0;
        closedQuote = false;
      }
    }
    // The field's text so far carries over to the next piece (for a skipped record only so that "anything there?"
    // and "at a field's start?" stay right: it is at most one field's text per piece).
    cur += text.slice(seg);
    Object.assign(this, { fields, cur, inQuote, closedQuote, line, skipping, skipContent, ha, hb });
    return out;
  }

  /** The last record when the file does not end with a line break; an open quote here means a broken file. */
  end(): RawRecord[] {
    if (this.inQuote) {
      throw new ReportFileError(`Unterminated quoted field: the quote opened on line ${this.quoteLine} is never closed`, this.quoteLine);
    }
    const out: RawRecord[] = [];
    if (this.skipping) {
      if (this.skipContent || this.cur !== "") out.push({ fields: SKIPPED_FIELDS as string[], line: this.recordLine, byteOffset: this.recordByte, hash: 0 });
    } else if (this.fields.length > 0 || this.cur !== "") {
      this.fields.push(this.cur);
      if (!isBlank(this.fields)) out.push({ fields: this.fields, line: this.recordLine, byteOffset: this.recordByte, hash: finishHash(this.ha, this.hb) });
    }
    this.ha = HASH_A_SEED;
    this.hb = HASH_B_SEED;
    this.fields = [];
    this.cur = "";
    return out;
  }
}
