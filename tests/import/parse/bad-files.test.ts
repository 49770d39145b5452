import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readReportChunk } from "@/lib/import/parse";
import { fixture, open, scan } from "./parse-helpers";

describe("file-level errors", () => {
  it("refuses a .gz name over plain bytes", async () => {
    const result = await scan(fixture("not-gzip.csv.gz"), "not-gzip.csv.gz");
    expect(result.fileError?.message).toMatch(/named \.gz but is not gzip-compressed/);
  });

  it("reads gzip by magic bytes whatever the name", async () => {
    const result = await scan(gzipSync(fixture("videos_report.csv")), "videos.csv");
    expect(result.fileError).toBeUndefined();
    expect(result.header?.kind.id).toBe("videos_report");
    expect(result.totalRows).toBe(3);
  });

  it("reports a truncated gzip archive", async () => {
    const gz = gzipSync(Buffer.concat(Array.from({ length: 50 }, () => fixture("video_raw.csv"))));
    const result = await scan(gz.subarray(0, Math.floor(gz.length / 2)), "truncated.csv.gz");
    expect(result.fileError?.message).toMatch(/^The gzip archive is truncated/);
  });

  it("reports a corrupt gzip archive", async () => {
    const gz = Buffer.from(gzipSync(fixture("video_raw.csv")));
    gz.fill(0xff, 10, 40);
    const result = await scan(gz);
    expect(result.fileError?.message).toMatch(/^The file is not a valid gzip archive: /);
  });

  it("reports invalid UTF-8 with its line", async () => {
    const result = await scan(fixture("invalid-utf8.csv"));
    expect(result.fileError).toEqual({ message: expect.stringMatching(/^Invalid UTF-8 at line 4\b/), line: 4 });
  });

  it("reports an unknown report with the headers found and the known kinds", async () => {
    const result = await scan(fixture("unknown-kind.csv"));
    expect(result.fileError?.message).toMatch(/^Not a recognised YouTube report\. Headers found: Revenue Type, Partner Revenue \(USD\)\. Known kinds: claim_raw, .*videos_report/);
  });

  it("reports an empty file", async () => {
    expect((await scan(fixture("empty.csv"))).fileError?.message).toBe("The file is empty");
    expect((await scan(Buffer.from("\n\r\n\n"))).fileError?.message).toBe("The file is empty");
    expect((await scan(gzipSync(Buffer.alloc(0)))).fileError?.message).toBe("The file is empty");
  });

  it("reports an unterminated quote with the line it opened on", async () => {
    const result = await scan(fixture("unterminated-quote.csv"));
    expect(result.fileError).toEqual({ message: expect.stringContaining("line 3"), line: 3 });
  });

  it("accepts a header-only file with no rows", async () => {
    const result = await scan(fixture("header-only.csv"));
    expect(result).toMatchObject({ totalRows: 0, header: { kind: { id: "content_owner_ad_revenue_raw_a1" } } });
    const chunk = await readReportChunk(open(fixture("header-only.csv")), { checkpoint: null, maxRows: 10 });
    expect(chunk).toMatchObject({ records: [], rejected: [], rowsRead: 0, next: null });
  });
});

describe("rejected rows", () => {
  it("rejects bad values with line, column and reason, and keeps the good rows", async () => {
    const chunk = await readReportChunk(open(fixture("bad-rows.csv")), { checkpoint: null, maxRows: 100 });
    expect(chunk.records.map((r) => [r.line, r.video_id])).toEqual([
      [2, "Qq-Ww_Ee1Rr"],
      [5, "-abcDEF1234"],
      [10, "a1B2c3D4e5F"],
    ]);
    expect(chunk.rowsRead).toBe(8);
    const rejected = chunk.rejected.map(({ line, column, value, reason }) => ({ line, column, value, reason }));
    expect(rejected).toEqual([
      { line: 3, column: "Video ID", value: "=abcDEF123", reason: "Video ID must be 11 characters of A–Z, a–z, 0–9, - or _" },
      { line: 4, column: "Engaged Views", value: "5k", reason: "Engaged Views must be a whole number" },
      { line: 6, column: "Net Partner Revenue (Post revshare)", value: "1.5e-5", reason: expect.stringMatching(/must be a plain decimal/) },
      { line: 7, column: null, value: null, reason: "Row has 5 fields but the header has 11" },
      { line: 8, column: "Channel ID", value: "UCshort", reason: expect.stringMatching(/^Channel ID must be UC followed by 22/) },
    ]);
    expect(chunk.rejected[0].raw?.["Video Title"]).toBe("Spreadsheet mangled id");
  });
});
