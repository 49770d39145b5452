import { ReportFileError } from "./file-error";

/** Decoded text together with the span of decompressed bytes it came from (for checkpoint byte offsets). */
export type TextPiece = { text: string; byteStart: number; byteLength: number };

const LF = 0x0a;

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i !== -1 && i < end; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

/** Length of the prefix holding only complete UTF-8 sequences; the rest waits for the next chunk. */
function completePrefix(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** Index of the first byte that is not valid UTF-8 (the fatal TextDecoder only says that one exists). */
export function firstInvalidByte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= n) return i;
    const c1 = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid too.
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Strict streaming UTF-8: a report in another encoding (latin-1 exports) would import garbled titles, so the
 * whole file is refused with the line of the first bad byte. A leading BOM is dropped.
 */
export class Utf8Decoder {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private carry: Uint8Array | null = null;
  private byteOffset: number;
  private line: number;
  private atStart: boolean;

  constructor(start: { byteOffset: number; line: number }) {
    this.byteOffset = start.byteOffset;
    this.line = start.line;
    this.atStart = start.byteOffset === 0;
  }

  push(chunk: Uint8Array): TextPiece | null {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completePrefix(bytes);
    this.carry = cut < bytes.length ? bytes.slice(cut) : null;
    if (cut === 0) return null;
    let body = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    let byteStart = this.byteOffset;
    if (this.atStart) {
      this.atStart = false;
      if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
        body = body.subarray(3);
        byteStart += 3;
        this.byteOffset += 3;
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      const line = this.line + countLineFeeds(body, Math.max(0, firstInvalidByte(body)));
      throw new ReportFileError(`Invalid UTF-8 at line ${line}: the file must be saved as UTF-8`, line);
    }
    this.byteOffset += body.length;
    this.line += countLineFeeds(body, body.length);
    return text.length ? { text, byteStart, byteLength: body.length } : null;
  }

  /** Call at the end of the bytes: a multi-byte character cut off by the end of the file is invalid too. */
  end(): void {
    const rest = this.carry;
    this.carry = null;
    if (!rest) return;
    throw new ReportFileError(`Invalid UTF-8 at line ${this.line}: the file ends inside a character`, this.line);
  }
}
