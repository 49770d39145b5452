import { it } from "vitest";
import { sampleReports } from "@/lib/import/parse/sample-reports";
import { readReportChunk } from "@/lib/import/parse";
import * as fv from "@/lib/import/parse/field-values";
it("bench", async () => {
  const [header, ...rows] = new TextDecoder().decode(sampleReports()[0].bytes).trim().split("\n");
  const body = Array.from({ length: Math.ceil(60_000 / rows.length) }, (_, k) => rows.map(r => r.replace(/2023-05-02T12:30:00/g, `2023-05-02T12:${String(k % 60).padStart(2,"0")}:${String(k % 59).padStart(2,"0")}`)).join("\n")).join("\n");
  const buf = Buffer.from(`${header}\n${body}\n`);
  const open = async () => (async function* () { for (let i = 0; i < buf.length; i += 65536) yield buf.subarray(i, i + 65536); })();
  for (let k = 0; k < 3; k++) { const t = performance.now(); await readReportChunk(open, { checkpoint: null, maxRows: 50000 }); console.log("chunk 50k", Math.round(performance.now() - t)); }
  let t = performance.now();
  for (let k = 0; k < 100000; k++) fv.timestamp(`2023-05-02T12:${String(k % 60).padStart(2,"0")}:00.000Z`);
  console.log("ts 100k", Math.round(performance.now() - t));
});
