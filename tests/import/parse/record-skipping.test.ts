import { describe, expect, it } from "vitest";
import { SKIPPED_FIELDS, type RawRecord } from "@/lib/import/parse/record-splitter";
import { random, splitText as split } from "./parse-helpers";

// A staging step that needs only some rows of its chunk (the changed ones of a daily file) scans the others to their
// end without cutting them into fields. Whatever the text and wherever the pieces are cut, the skipping splitter must
// find exactly the records the full one finds — same lines, same byte offsets, the same blank records left out — and
// the wanted ones with the same fields.

const PARTS = ["a", "bc", "ü", "日本", ",", ",", '"', '""', '"x,y"', '"line\nbreak"', '"cr\r\nlf"', "\n", "\r\n", "\r", " ", "", '"', "1.5"];

function randomCsv(next: () => number): string {
  let text = "";
  const length = 20 + Math.floor(next() * 200);
  for (let i = 0; i < length; i++) text += PARTS[Math.floor(next() * PARTS.length)];
  // Balanced quotes so most files are readable; some keep an odd quote and must fail the same way in both modes.
  return text;
}

describe("skipping records that are not wanted", () => {
  it("finds the same records as a full split, for any text, pieces and wanted lines", () => {
    let compared = 0;
    let skipped = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const next = random(seed);
      const text = randomCsv(next);
      const length = Buffer.byteLength(text);
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * length)))].sort((a, b) => a - b);
      const wantedLines = new Set(Array.from({ length: 10 }, () => 1 + Math.floor(next() * 20)));
      const full = split(text, cuts);
      const partial = split(text, cuts, (line) => wantedLines.has(line));
      if (typeof full === "string") {
        expect(partial, `seed ${seed}`).toBe(full);
        continue;
      }
      expect(typeof partial, `seed ${seed}`).not.toBe("string");
      const records = partial as RawRecord[];
      expect(records.map((r) => [r.line, r.byteOffset]), `seed ${seed}`).toEqual(full.map((r) => [r.line, r.byteOffset]));
      records.forEach((record, i) => {
        if (wantedLines.has(record.line)) expect(record.fields, `seed ${seed} line ${record.line}`).toEqual(full[i].fields);
        else {
          expect(record.fields).toBe(SKIPPED_FIELDS);
          skipped++;
        }
      });
      compared += records.length;
    }
    // The generator must actually produce records and skip some of them.
    expect(compared).toBeGreaterThan(10_000);
    expect(skipped).toBeGreaterThan(5_000);
  });

  it("skips nothing without a wanted function and everything it refuses", () => {
    const text = 'id,title\n1,"a, b"\n\n2,"multi\nline"\n,,\n3,c\n';
    const all = split(text, [5, 17]) as RawRecord[];
    expect(all.map((r) => r.fields)).toEqual([["id", "title"], ["1", "a, b"], ["2", "multi\nline"], ["3", "c"]]);
    const none = split(text, [5, 17], () => false) as RawRecord[];
    expect(none.map((r) => [r.line, r.fields === SKIPPED_FIELDS])).toEqual([[1, true], [2, true], [4, true], [7, true]]);
  });
});
