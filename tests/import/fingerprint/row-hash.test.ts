import { describe, expect, it } from "vitest";
import { rowHash } from "@/lib/import/fingerprint/row-hash";

describe("rowHash", () => {
  it("is a stable whole number that fits a bigint column and a JavaScript number", () => {
    const h = rowHash(["-abcDEF1234", "Live in Lisbon, Part 1", "245"]);
    expect(h).toBe(rowHash(["-abcDEF1234", "Live in Lisbon, Part 1", "245"]));
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
  });

  it("tells apart cells that differ only in where one cell ends and the next begins, or in one character", () => {
    const hashes = [["ab", "c"], ["a", "bc"], ["abc"], ["abc", ""], ["abd"], ["", "abc"]].map(rowHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("spreads a million similar rows without a collision", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1_000_000; i++) seen.add(rowHash([`video${i}`, `Song number ${i}`, String(i % 600)]));
    expect(seen.size).toBe(1_000_000);
  });
});
