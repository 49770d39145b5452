import { describe, expect, it } from "vitest";
import { recordTextHash } from "@/lib/import/parse/record-hash";
import { RecordSplitter } from "@/lib/import/parse/record-splitter";
import { Utf8Decoder } from "@/lib/import/parse/utf8-decoder";

// The fingerprint of a record (lib/import/fingerprint) is the hash of its stored text, computed by the splitter on the
// characters it scans anyway. It must not depend on where the download's pieces cut the text, and must tell rows apart.

/** The records of `text` split from pieces cut at `cuts`, with their hashes. */
function splitHashes(text: string, cuts: number[]) {
  const bytes = Buffer.from(text, "utf8");
  const start = { byteOffset: 0, line: 1 };
  const decoder = new Utf8Decoder(start);
  const splitter = new RecordSplitter(start);
  const records = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const piece = decoder.push(bytes.subarray(from, cut));
    from = cut;
    if (piece) records.push(...splitter.push(piece));
  }
  records.push(...splitter.end());
  return records.map((r) => ({ line: r.line, hash: r.hash }));
}

describe("a record's hash", () => {
  it("is a stable whole number that fits a bigint column and a JavaScript number", () => {
    const h = recordTextHash('-abcDEF1234,"Live in Lisbon, Part 1",245');
    expect(h).toBe(recordTextHash('-abcDEF1234,"Live in Lisbon, Part 1",245'));
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
  });

  it("is the hash of the record's stored text without its line break, wherever the pieces are cut", () => {
    const records = ["id,title", '1,"a, b"', '2,"multi\r\nline ✓"', '3,"say ""hi"""', "4,é"];
    const text = records.join("\r\n") + "\n";
    const expected = [1, 2, 3, 5, 6].map((line, i) => ({ line, hash: recordTextHash(records[i]) }));
    for (const cuts of [[], [1], [9, 10], [15, 16, 17], [26, 27, 28, 29, 30], Array.from({ length: 60 }, (_, i) => i + 1)]) {
      expect(splitHashes(text, cuts.filter((c) => c < Buffer.byteLength(text)))).toEqual(expected);
    }
    // A file without a final line break ends its last record the same way.
    expect(splitHashes(records.slice(0, 2).join("\n"), [])).toEqual(expected.slice(0, 2));
  });

  it("tells apart rows that differ in one character or where one cell ends and the next begins", () => {
    const hashes = ["ab,c", "a,bc", "abc", "abc,", "abd", ",abc", '"ab",c'].map(recordTextHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("spreads a million similar rows without a collision", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1_000_000; i++) seen.add(recordTextHash(`video${i},Song number ${i},${i % 600}`));
    expect(seen.size).toBe(1_000_000);
  });
});
