import { createReadStream } from "node:fs";
import { scanReport } from "@/lib/import/parse";
const file = process.argv[2];
const t = performance.now();
let bytes = 0;
const scan = await scanReport(async () => createReadStream(file, { highWaterMark: 1 << 20 }), { onText: (b) => void (bytes += b.length), onRecords: () => {} });
console.log(file, scan.totalRows, "text MB", (bytes / 1e6).toFixed(0), "scan s", ((performance.now() - t) / 1000).toFixed(1));
