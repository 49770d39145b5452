import { describe, expect, it } from "vitest";
import { evaluate, matches } from "@/local/inngest/expressions";
import { cronMatches, dueCrons } from "@/local/inngest/cron";
import { parseDurationMs, resolveWakeTime } from "@/local/inngest/durations";
import { canonicalize, signatureHeader, verifySignature } from "@/local/inngest/signing";

describe("expressions", () => {
  const scope = { event: { data: { reportId: "r1", n: 3 } }, async: { data: { reportId: "r1" } } };
  it("evaluates the CEL subset Inngest uses", () => {
    expect(matches("async.data.reportId == event.data.reportId", scope)).toBe(true);
    expect(matches("event.data.n > 2 && event.data.reportId != 'r2'", scope)).toBe(true);
    expect(matches("!(event.data.n == 3) || async.data.missing == null", scope)).toBe(true);
    expect(evaluate("event.data.reportId", scope)).toBe("r1");
  });
  it("treats unparseable expressions as non-matching", () => {
    expect(matches("event.data.reportId ==", scope)).toBe(false);
    expect(matches(undefined, scope)).toBe(true);
  });
});

describe("cron", () => {
  it("matches five-field expressions in UTC", () => {
    const at = new Date(Date.UTC(2025, 0, 6, 9, 30)); // a Monday
    expect(cronMatches("30 9 * * 1", at)).toBe(true);
    expect(cronMatches("*/15 8-10 * * 1-5", at)).toBe(true);
    expect(cronMatches("TZ=Europe/Paris 0 9 * * *", at)).toBe(false);
  });
  it("fires each cron once per minute", () => {
    const state: Record<string, number> = {};
    const crons = [{ fn: { id: "f" }, cron: "* * * * *" }];
    expect(dueCrons(crons, state, 120_500)).toHaveLength(1);
    expect(dueCrons(crons, state, 150_000)).toHaveLength(0);
  });
});

describe("durations and signing", () => {
  it("parses SDK time strings", () => {
    expect(parseDurationMs("1h2m3s")).toBe(3_723_000);
    expect(resolveWakeTime("2025-01-01T00:00:00.000Z", 0)).toBe(Date.UTC(2025, 0, 1));
  });
  it("canonicalises with sorted keys and verifies its own signatures", () => {
    expect(canonicalize({ b: 1, a: [undefined, { d: 2, c: null }] })).toBe('{"a":[null,{"c":null,"d":2}],"b":1}');
    const header = signatureHeader("body", "signkey-test-abcd");
    expect(verifySignature("body", header, "signkey-test-abcd")).toBe(true);
    expect(verifySignature("body", header, "signkey-test-ffff")).toBe(false);
  });
});
