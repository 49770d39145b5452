import { describe, expect, it } from "vitest";
import { nextQuotaReset, quotaDay } from "@/lib/enrichment/quota-day";

const at = (iso: string) => new Date(iso);
const HOUR = 60 * 60 * 1000;

describe("quotaDay: the Pacific calendar day", () => {
  it("changes at midnight Pacific, 08:00 UTC in winter (PST)", () => {
    expect(quotaDay(at("2026-01-15T07:59:59.999Z"))).toBe("2026-01-14");
    expect(quotaDay(at("2026-01-15T08:00:00.000Z"))).toBe("2026-01-15");
  });

  it("changes at midnight Pacific, 07:00 UTC in summer (PDT)", () => {
    expect(quotaDay(at("2026-07-01T06:59:59.999Z"))).toBe("2026-06-30");
    expect(quotaDay(at("2026-07-01T07:00:00.000Z"))).toBe("2026-07-01");
  });

  it("is still the old year in Los Angeles after midnight UTC on New Year's Eve", () => {
    expect(quotaDay(at("2027-01-01T07:59:59Z"))).toBe("2026-12-31");
    expect(quotaDay(at("2027-01-01T08:00:00Z"))).toBe("2027-01-01");
  });

  it("stays one day across the spring-forward jump (01:59 PST → 03:00 PDT on 2026-03-08)", () => {
    expect(quotaDay(at("2026-03-08T09:59:59Z"))).toBe("2026-03-08");
    expect(quotaDay(at("2026-03-08T10:00:00Z"))).toBe("2026-03-08");
  });

  it("stays one day through the repeated hour when clocks fall back (01:30 PDT, then 01:30 PST on 2026-11-01)", () => {
    expect(quotaDay(at("2026-11-01T08:30:00Z"))).toBe("2026-11-01");
    expect(quotaDay(at("2026-11-01T09:30:00Z"))).toBe("2026-11-01");
  });
});

describe("nextQuotaReset: the next midnight Pacific", () => {
  it("is 08:00 UTC on a PST day and 07:00 UTC on a PDT day", () => {
    expect(nextQuotaReset(at("2026-01-15T12:00:00Z")).toISOString()).toBe("2026-01-16T08:00:00.000Z");
    expect(nextQuotaReset(at("2026-07-01T12:00:00Z")).toISOString()).toBe("2026-07-02T07:00:00.000Z");
  });

  it("is strictly after now: just before midnight it is that midnight, at midnight the one after", () => {
    expect(nextQuotaReset(at("2026-01-16T07:59:59.999Z")).toISOString()).toBe("2026-01-16T08:00:00.000Z");
    expect(nextQuotaReset(at("2026-01-16T08:00:00.000Z")).toISOString()).toBe("2026-01-17T08:00:00.000Z");
    expect(nextQuotaReset(at("2026-07-02T06:59:59.999Z")).toISOString()).toBe("2026-07-02T07:00:00.000Z");
    expect(nextQuotaReset(at("2026-07-02T07:00:00.000Z")).toISOString()).toBe("2026-07-03T07:00:00.000Z");
  });

  it("rolls over month and year ends", () => {
    expect(nextQuotaReset(at("2026-12-31T20:00:00Z")).toISOString()).toBe("2027-01-01T08:00:00.000Z");
    expect(nextQuotaReset(at("2026-02-28T20:00:00Z")).toISOString()).toBe("2026-03-01T08:00:00.000Z");
  });

  it("makes 2026-03-08 (spring forward) a 23-hour quota day: it starts at 08:00 UTC and ends at 07:00 UTC", () => {
    const start = nextQuotaReset(at("2026-03-07T20:00:00Z"));
    const end = nextQuotaReset(start);
    expect(start.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect((end.getTime() - start.getTime()) / HOUR).toBe(23);
    // Calls made after the jump to PDT still wait for the same reset.
    expect(nextQuotaReset(at("2026-03-08T10:00:00Z")).toISOString()).toBe("2026-03-09T07:00:00.000Z");
  });

  it("makes 2026-11-01 (fall back) a 25-hour quota day: it starts at 07:00 UTC and ends at 08:00 UTC", () => {
    const start = nextQuotaReset(at("2026-10-31T20:00:00Z"));
    const end = nextQuotaReset(start);
    expect(start.toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect((end.getTime() - start.getTime()) / HOUR).toBe(25);
    // Both passes through 01:30 belong to the same day and the same reset.
    expect(nextQuotaReset(at("2026-11-01T08:30:00Z")).toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(nextQuotaReset(at("2026-11-01T09:30:00Z")).toISOString()).toBe("2026-11-02T08:00:00.000Z");
  });

  it("agrees with quotaDay every hour of a whole year: 363 days of 24 hours, one of 23 and one of 25", () => {
    const lengths: Record<number, number> = {};
    let reset = nextQuotaReset(at("2025-12-31T12:00:00Z"));
    for (let t = at("2026-01-01T08:00:00Z").getTime(); t < at("2027-01-01T08:00:00Z").getTime(); t += HOUR / 2) {
      const now = new Date(t);
      const next = nextQuotaReset(now);
      expect(next.getTime()).toBeGreaterThan(t);
      expect(quotaDay(new Date(next.getTime() - 1))).toBe(quotaDay(now));
      expect(quotaDay(next)).not.toBe(quotaDay(now));
      if (next.getTime() !== reset.getTime()) {
        const hours = (next.getTime() - reset.getTime()) / HOUR;
        lengths[hours] = (lengths[hours] ?? 0) + 1;
        reset = next;
      }
    }
    expect(lengths).toEqual({ 23: 1, 24: 363, 25: 1 });
  });
});
