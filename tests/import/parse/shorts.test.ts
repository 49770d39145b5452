import { describe, expect, it } from "vitest";
import { decideShort } from "@/lib/import/parse";

describe("decideShort", () => {
  it("applies the 60 s limit before 2024-10-15", () => {
    expect(decideShort({ videoLength: 59, timePublished: "2023-06-01T00:00:00Z" })).toEqual({ isShort: true, rule: "duration_60s" });
    expect(decideShort({ videoLength: 170, timePublished: "2023-06-01T00:00:00Z" })).toEqual({ isShort: false, rule: "duration_60s" });
  });
  it("applies the 180 s limit from 2024-10-15", () => {
    expect(decideShort({ videoLength: 170, timePublished: "2025-02-01T00:00:00Z" })).toEqual({ isShort: true, rule: "duration_180s" });
    expect(decideShort({ videoLength: 181, timePublished: "2024-10-15T00:00:00Z" })).toEqual({ isShort: false, rule: "duration_180s" });
  });
  it("trusts a Shorts report over the length", () => {
    expect(decideShort({ inShortsReport: true, videoLength: 600, timePublished: "2023-01-01T00:00:00Z" })).toEqual({ isShort: true, rule: "shorts_report" });
  });
  it("knows nothing without a length", () => {
    expect(decideShort({ videoLength: null, timePublished: "2025-01-01T00:00:00Z" })).toEqual({ isShort: null, rule: null });
  });
  it("uses the current rule when the publish date is unknown (like the SQL twin)", () => {
    expect(decideShort({ videoLength: 170, timePublished: null })).toEqual({ isShort: true, rule: "duration_180s" });
  });
});
