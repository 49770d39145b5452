import { readFileSync } from "node:fs";
import { gunzipSync, gzip, deflateRaw, constants } from "node:zlib";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
const gz = promisify(gzip);
const text = gunzipSync(readFileSync(process.argv[2]));
console.log("text MB", (text.length / 1e6).toFixed(0));
const P = 8 << 20;
for (const level of [1, 2]) {
  let out = 0; const t = performance.now();
  const pending: Promise<Buffer>[] = [];
  for (let i = 0; i < text.length; i += P) pending.push(gz(text.subarray(i, i + P), { level }));
  for (const p of pending) out += (await p).length;
  console.log(`gzip level ${level} (parallel threadpool)`, ((performance.now() - t) / 1000).toFixed(2), "s ratio", (out / text.length).toFixed(3));
}
let t = performance.now(); createHash("sha256").update(text).digest(); console.log("sha256", ((performance.now() - t) / 1000).toFixed(2));
t = performance.now(); createHash("md5").update(text).digest(); console.log("md5", ((performance.now() - t) / 1000).toFixed(2));
t = performance.now(); gunzipSync(readFileSync(process.argv[2])); console.log("gunzip", ((performance.now() - t) / 1000).toFixed(2));
