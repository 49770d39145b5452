import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readReportChunk, scanReport } from "@/lib/import/parse";
import { sampleReports } from "@/lib/import/parse/sample-reports";
import { fixture, open, readAll } from "./parse-helpers";

const FILES = ["video_raw.csv", "claim_raw.csv", "videos_report.csv", "red_music_rawdata_video.csv", "bad-rows.csv", "asset_raw_music.csv"];

describe("chunked reading", () => {
  it.each(FILES)("%s in chunks of 2 rows equals one full read", async (file) => {
    const whole = await readAll(fixture(file));
    const chunked = await readAll(fixture(file), 2);
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.rejected).toEqual(whole.rejected);
    expect(chunked.rowsRead).toBe((await scanReport(open(fixture(file)))).totalRows);
  });

  it("gzip files chunk the same, and 1-byte pieces change nothing", async () => {
    const whole = await readAll(fixture("video_raw.csv"));
    expect((await readAll(gzipSync(fixture("video_raw.csv")), 2)).records).toEqual(whole.records);
    expect((await readAll(fixture("video_raw.csv"), 1, 1)).records).toEqual(whole.records);
  });

  it("checkpoints point at the next record's bytes and line (past an embedded newline)", async () => {
    const buf = fixture("video_raw.csv");
    const { checkpoints } = await readAll(buf, 2);
    expect(checkpoints).toEqual([{ byteOffset: buf.indexOf("None,20250603"), line: 5, headerLine: 1 }]);
    const last = await readReportChunk(open(buf), { checkpoint: checkpoints[0], maxRows: 2 });
    expect(last).toMatchObject({ rowsRead: 1, next: null });
  });

  it("byte offsets count the BOM and multi-byte characters", async () => {
    const buf = fixture("claim_raw.csv");
    const { checkpoints } = await readAll(buf, 1);
    const lines = buf.toString("latin1").split("\n");
    let offset = 0;
    const starts = lines.map((l) => ((offset += l.length + 1), offset - l.length - 1));
    expect(checkpoints.map((c) => c.byteOffset)).toEqual(starts.slice(2, 5));
  });

  it("the sample reports import cleanly", async () => {
    for (const sample of sampleReports()) {
      const result = await scanReport(open(sample.bytes), { filename: sample.name });
      expect(result.fileError, sample.name).toBeUndefined();
      const chunked = await readAll(sample.bytes, 3, 4096);
      expect(chunked.rejected, sample.name).toEqual([]);
      expect(chunked.records.length, sample.name).toBe(result.totalRows);
    }
    expect(sampleReports()).toEqual(sampleReports());
  });

  // Speed is measured by the import benchmark (bench/), not here; this checks a full-size chunk stops exactly.
  it("reads a 50,000-row chunk and stops at its checkpoint", async () => {
    const [header, ...rows] = new TextDecoder().decode(sampleReports()[0].bytes).trim().split("\n");
    const body = Array.from({ length: Math.ceil(60_000 / rows.length) }, () => rows.join("\n")).join("\n");
    const buf = Buffer.from(`${header}\n${body}\n`);
    const chunk = await readReportChunk(open(buf, 64 * 1024), { checkpoint: null, maxRows: 50_000 });
    expect(chunk.records.length).toBe(50_000);
    expect(chunk.rejected).toEqual([]);
    expect(chunk.next).toMatchObject({ line: 50_002 });
  });
});
