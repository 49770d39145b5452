import { describe, expect, it } from "vitest";
import { CATALOG_COLUMNS, DEFAULT_VISIBLE_COLUMNS } from "@/lib/catalog/contract";
import {
  formatApproximate,
  formatLength,
  formatPageOf,
  formatTotal,
  policyTone,
  shortRuleLabel,
  shortRuleText,
} from "@/app/(app)/_catalog/catalog-format";
import { COLUMN_PREFS_KEY, parseColumnPrefs, serializeColumnPrefs, toggleColumn, visibilityState } from "@/app/(app)/_catalog/column-prefs";

describe("result counts", () => {
  it("says 'about' with a compact number when the total is an estimate", () => {
    expect(formatTotal(1_234_567, true)).toBe("about 1.2M videos");
    expect(formatTotal(35_400, true)).toBe("about 35.4K videos");
    expect(formatTotal(980, true)).toBe("about 980 videos");
  });
  it("gives exact totals with separators and the right noun", () => {
    expect(formatTotal(1_234_567, false)).toBe("1,234,567 videos");
    expect(formatTotal(1, false)).toBe("1 video");
    expect(formatTotal(0, false)).toBe("0 videos");
  });
  it("rounds and never shows a negative estimate", () => {
    expect(formatApproximate(1_950_000)).toBe("2M");
    expect(formatApproximate(-5)).toBe("0");
  });
  it("labels the page count, estimated or exact", () => {
    expect(formatPageOf(3, 61_729, true)).toBe("Page 3 of about 61.7K");
    expect(formatPageOf(1, 0, false)).toBe("Page 1 of 1");
    expect(formatPageOf(12, 1500, false)).toBe("Page 12 of 1,500");
  });
});

describe("cell formatting", () => {
  it("shows lengths as m:ss or h:mm:ss", () => {
    expect(formatLength(245)).toBe("4:05");
    expect(formatLength(59)).toBe("0:59");
    expect(formatLength(3723)).toBe("1:02:03");
    expect(formatLength(null)).toBe("—");
  });
  it("explains the Shorts decision from the recorded rule", () => {
    expect(shortRuleText("shorts_report", true)).toBe("Short: listed in a YouTube Shorts report");
    expect(shortRuleText("duration_60s", true)).toBe("Short: 60 s or shorter, published before 2024-10-15");
    expect(shortRuleText("duration_180s", false)).toBe("Not a Short: longer than 180 s, published from 2024-10-15");
    expect(shortRuleText(null, null)).toMatch(/length is unknown/);
    expect(shortRuleText("something_new", true)).toBe("Short: something_new");
    expect(shortRuleLabel("duration_60s")).toBe("60 s rule");
  });
  it("colours policies by their verb", () => {
    expect(policyTone("Monetize in all countries")).toBe("success");
    expect(policyTone("Block")).toBe("danger");
    expect(policyTone("Track")).toBe("info");
    expect(policyTone("Custom")).toBe("neutral");
  });
});

describe("column preferences", () => {
  it("falls back to the defaults for missing, broken or empty preferences", () => {
    for (const raw of [null, "", "{", '"title"', "{}", "[]", '["not_a_column", 3]']) {
      expect(parseColumnPrefs(raw)).toEqual(DEFAULT_VISIBLE_COLUMNS);
    }
  });
  it("keeps known columns once, in the table's order", () => {
    expect(parseColumnPrefs('["views","title","bogus","video_id","title"]')).toEqual(["video_id", "title", "views"]);
  });
  it("round-trips through storage and names every column for the table", () => {
    const stored = serializeColumnPrefs(["notes", "video_id"]);
    expect(stored).toBe('["video_id","notes"]');
    expect(parseColumnPrefs(stored)).toEqual(["video_id", "notes"]);
    const visibility = visibilityState(["video_id", "notes"]);
    expect(Object.keys(visibility)).toHaveLength(CATALOG_COLUMNS.length);
    expect(visibility).toMatchObject({ video_id: true, notes: true, title: false });
    expect(COLUMN_PREFS_KEY).toMatch(/v1$/);
  });
  it("shows and hides columns but never hides the last one", () => {
    expect(toggleColumn(["title"], "video_id", true)).toEqual(["video_id", "title"]);
    expect(toggleColumn(["video_id", "title"], "video_id", false)).toEqual(["title"]);
    expect(toggleColumn(["title"], "title", false)).toEqual(["title"]);
  });
});
