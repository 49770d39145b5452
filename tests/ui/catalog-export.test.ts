import { describe, expect, it } from "vitest";
import { announcedRows, createCsvRecordCounter, exportFilename, exportPercent, readExport } from "@/app/(app)/_catalog/export-stream";

const encode = (text: string) => new TextEncoder().encode(text);

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encode(chunk));
      controller.close();
    },
  });
}

describe("counting CSV rows as bytes arrive", () => {
  it("does not count line breaks inside quoted cells, across chunk boundaries", () => {
    const counter = createCsvRecordCounter();
    const csv = 'video_id,title,notes\r\nA1,"Live, ""Lisbon""","line one\nline two"\r\nB2,Plain,\r\n';
    for (let i = 0; i < csv.length; i += 5) counter.push(encode(csv.slice(i, i + 5)));
    expect(counter.rows(true)).toBe(2);
  });
  it("counts a last row without a final line break once the stream ends", () => {
    const counter = createCsvRecordCounter();
    counter.push(encode("video_id\nA1\nB2"));
    expect(counter.rows()).toBe(1);
    expect(counter.rows(true)).toBe(2);
  });
  it("counts no rows for a header-only file", () => {
    const counter = createCsvRecordCounter();
    counter.push(encode("video_id,title\n"));
    expect(counter.rows(true)).toBe(0);
  });
});

describe("export response headers", () => {
  it("takes the file name from content-disposition, plain or RFC 5987", () => {
    const today = new Date("2025-06-01T12:00:00Z");
    expect(exportFilename('attachment; filename="video_export_2025-06-01.csv"', today)).toBe("video_export_2025-06-01.csv");
    expect(exportFilename("attachment; filename*=UTF-8''video%20export.csv", today)).toBe("video export.csv");
    expect(exportFilename('attachment; filename="../../etc/passwd"', today)).toBe("passwd");
    expect(exportFilename(null, today)).toBe("video_export_2025-06-01.csv");
  });
  it("reads the announced row count and whether it is an estimate", () => {
    expect(announcedRows(new Headers({ "x-export-rows": "1500" }))).toEqual({ total: 1500, totalIsEstimate: false });
    expect(announcedRows(new Headers({ "x-export-rows": "1200000", "x-export-rows-estimate": "1" }))).toEqual({ total: 1_200_000, totalIsEstimate: true });
    expect(announcedRows(new Headers({ "x-export-rows": "lots" }))).toEqual({ total: null, totalIsEstimate: false });
    expect(announcedRows(new Headers())).toEqual({ total: null, totalIsEstimate: false });
  });
  it("keeps the bar below 100 % until the stream has ended", () => {
    expect(exportPercent({ rows: 50, total: 200, totalIsEstimate: false })).toBe(25);
    expect(exportPercent({ rows: 300, total: 200, totalIsEstimate: true })).toBe(99);
    expect(exportPercent({ rows: 5, total: null, totalIsEstimate: false })).toBeNull();
  });
});

describe("reading an export", () => {
  it("returns every byte and reports progress up to the final row count", async () => {
    const chunks = ["video_id,title\n", "A1,One\nB2,", "Two\nC3,Three\n"];
    const response = new Response(streamOf(chunks), { headers: { "x-export-rows": "3", "content-type": "text/csv" } });
    const seen: number[] = [];
    const { blob, rows } = await readExport(response, (p) => seen.push(p.rows), 0);
    expect(rows).toBe(3);
    expect(await blob.text()).toBe(chunks.join(""));
    expect(blob.type).toBe("text/csv;charset=utf-8");
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
