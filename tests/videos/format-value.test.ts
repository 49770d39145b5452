import { describe, expect, it } from "vitest";
import { fieldLabel, formatDecimal, formatLength, formatValue } from "@/app/(app)/videos/_components/format-value";
import { splitList } from "@/lib/videos/edit-schema";
import { shortReason } from "@/lib/videos/short-reason";
import { parseVideoId } from "@/lib/videos/video-id";

describe("video page formatting", () => {
  it("groups an exact decimal digit for digit, without a float in between", () => {
    expect(formatDecimal("12345678901234.123456789013")).toBe("12,345,678,901,234.123456789013");
    expect(formatDecimal("-1234.500000")).toBe("-1,234.50");
    expect(formatDecimal("0.000021676471")).toBe("0.000021676471");
    expect(formatDecimal("7")).toBe("7.00");
    expect(formatDecimal("not a number")).toBe("not a number");
  });

  it("formats lengths, values and field names for people", () => {
    expect(formatLength(213)).toBe("3:33");
    expect(formatLength(3725)).toBe("1:02:05");
    expect(formatValue(null)).toBe("(empty)");
    expect(formatValue(["Pop", "Dance"])).toBe("Pop, Dance");
    expect(formatValue(true)).toBe("Yes");
    expect(formatValue(1500000)).toBe("1,500,000");
    expect(fieldLabel("custom_id")).toBe("Custom ID");
    expect(fieldLabel("administered_at")).toBe("Administered since");
    expect(fieldLabel("some_new_field")).toBe("Some new field");
  });

  it("explains the Shorts decision from its signal", () => {
    expect(shortReason(true, "shorts_report")).toBe("Listed in a Shorts report");
    expect(shortReason(true, "duration_180s")).toBe("180 s or shorter, published from 2024-10-15 (or date unknown) — by length alone; no report says whether it is a Short");
    expect(shortReason(false, "long_form_revenue")).toMatch(/long-form ads-revenue report/);
    expect(shortReason(null, null)).toMatch(/Not decided/);
  });

  it("splits the form's list fields on semicolons and parses video ids strictly", () => {
    expect(splitList(" Rick Astley ; ; Earth, Wind & Fire ")).toEqual(["Rick Astley", "Earth, Wind & Fire"]);
    expect(parseVideoId("-abcDEF1234")).toBe("-abcDEF1234");
    for (const bad of [undefined, "", "abc", "-abcDEF12345", "-abcDEF123 ", "-abcDEF123/"]) expect(() => parseVideoId(bad)).toThrow(/11-character/);
  });
});
