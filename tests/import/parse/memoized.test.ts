import { describe, expect, it } from "vitest";
import { memoized, timestamp } from "@/lib/import/parse/field-values";

// The per-cell cache of the row mapper (lib/import/parse/field-values.ts): it must give what the parser gives for
// every cell, whether values repeat (claim rows of one video) or never do (a Videos report's upload times, where it
// steps aside), and keep throwing for invalid cells.

function counting<T>(parse: (raw: string) => T) {
  let calls = 0;
  return { parse: (raw: string) => (calls++, parse(raw)), calls: () => calls };
}

const cell = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();

describe("memoized cell parsers", () => {
  it("parses a repeated cell once", () => {
    const parser = counting(timestamp);
    const cached = memoized(parser.parse);
    for (let i = 0; i < 50_000; i++) expect(cached(cell(i % 10))).toBe(cell(i % 10));
    expect(parser.calls()).toBe(10);
  });

  it("gives the parser's values for cells that never repeat, and steps aside from caching them", () => {
    const parser = counting(timestamp);
    const cached = memoized(parser.parse);
    const n = 200_000;
    for (let i = 0; i < n; i++) expect(cached(cell(i))).toBe(cell(i));
    expect(parser.calls()).toBe(n);
    // Stepped aside: even a repeated cell is parsed each time for a while (no Map lookups, no cache to fill).
    let before = parser.calls();
    for (let i = 0; i < 1000; i++) expect(cached(cell(0))).toBe(cell(0));
    expect(parser.calls() - before).toBe(1000);
    // Back to repeating values: the cache is used again once the pause is over.
    before = parser.calls();
    for (let i = 0; i < 200_000; i++) expect(cached(cell(i % 3))).toBe(cell(i % 3));
    expect(parser.calls() - before).toBeLessThan(150_000);
  });

  it("throws for an invalid cell every time, cached or not", () => {
    const cached = memoized(timestamp);
    for (let i = 0; i < 3; i++) expect(() => cached("yesterday")).toThrow(/date and time/);
    for (let i = 0; i < 10_000; i++) cached(cell(i));
    expect(() => cached("yesterday")).toThrow(/date and time/);
  });
});
