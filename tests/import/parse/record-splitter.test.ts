import { describe, expect, it } from "vitest";
import type { RawRecord } from "@/lib/import/parse/record-splitter";
import { recordTextHash } from "@/lib/import/parse/record-hash";
import { random, splitText as splitPieces } from "./parse-helpers";

// The splitter only finds where records end (and hashes them); their fields are cut when asked for, with the engine's
// split when a record holds no quote and with the quote rules when it does. Whatever the text and wherever the pieces
// are cut, that must give what a plain reader of the whole text gives: the one below reads it character by character
// in one go, the rules written out once more.

type Expected = { line: number; byteOffset: number; fields: string[]; hash: number };

/** The whole text read at once: RFC 4180 records, blank ones left out, each with its line, offset, fields and hash. */
function readWhole(text: string): Expected[] | string {
  const out: Expected[] = [];
  let fields: string[] = [];
  let field = "";
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let quoteLine = 0;
  const end = (at: number) => {
    fields.push(field);
    if (fields.some((f) => f !== "")) {
      out.push({ line: recordLine, byteOffset: Buffer.byteLength(text.slice(0, recordStart)), fields, hash: recordTextHash(text.slice(recordStart, at)) });
    }
    fields = [];
    field = "";
    state = "start";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === "quoted") {
      if (c === '"') state = "closed";
      else field += c;
      if (c === "\n") line++;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      state = "start";
    } else if (c === "\n" || c === "\r") {
      end(i);
      if (c === "\r" && text[i + 1] === "\n") i++;
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else if (c === '"' && state === "closed") {
      field += '"';
      state = "quoted";
    } else if (c === '"' && state === "start") {
      state = "quoted";
      quoteLine = line;
    } else {
      field += c;
      state = "plain";
    }
  }
  if (state === "quoted") return `Unterminated quoted field: the quote opened on line ${quoteLine} is never closed`;
  if (recordStart < text.length) end(text.length);
  return out;
}

const PARTS = ["a", "bc", "ü", "日本", ",", ",", '"', '""', '"x,y"', '"line\nbreak"', '"cr\r\nlf"', "\n", "\r\n", "\r", " ", "", "1.5", '""""', ',"', '",'];

describe("the record splitter", () => {
  it("gives what a reader of the whole text gives, for any text and wherever the pieces are cut", () => {
    let records = 0;
    let quoted = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const next = random(seed);
      let text = "";
      const length = 5 + Math.floor(next() * 150);
      for (let i = 0; i < length; i++) text += PARTS[Math.floor(next() * PARTS.length)];
      const size = Buffer.byteLength(text);
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * size)))].sort((a, b) => a - b);
      const expected = readWhole(text);
      const found = splitPieces(text, cuts);
      if (typeof expected === "string") {
        expect(found, `seed ${seed}`).toBe(expected);
        continue;
      }
      expect(typeof found, `seed ${seed}: ${String(found)}`).not.toBe("string");
      const got = (found as RawRecord[]).map((r) => ({ line: r.line, byteOffset: r.byteOffset, fields: r.fields, hash: r.hash }));
      expect(got, `seed ${seed} ${JSON.stringify(text)} ${cuts}`).toEqual(expected);
      // One field alone is the same field.
      for (const record of found as RawRecord[]) {
        const index = Math.floor(next() * (record.fields.length + 1));
        expect(record.field(index), `seed ${seed}`).toBe(record.fields[index]);
      }
      records += expected.length;
      quoted += expected.filter((r) => r.fields.some((f) => f.includes(",") || f.includes('"'))).length;
    }
    expect(records).toBeGreaterThan(20_000);
    expect(quoted).toBeGreaterThan(3_000);
  });

  it("cuts a single field out of a record without a quote, and any field out of one with quotes", () => {
    const [plain, quoted] = splitPieces('v1,UCx,Song,245\nv2,"Live, in ""Lisbon""",x\n', [7, 20]) as RawRecord[];
    expect([plain.field(0), plain.field(2), plain.field(3), plain.field(4), plain.field(-1)]).toEqual(["v1", "Song", "245", undefined, undefined]);
    expect([quoted.field(0), quoted.field(1), quoted.field(2), quoted.field(3)]).toEqual(["v2", 'Live, in "Lisbon"', "x", undefined]);
  });
});
