import { streamReportObject } from "@/lib/storage/get-object";
import { decompressedBytes, skipBytes } from "@/lib/import/parse/decode-bytes";
Object.assign(process.env, { S3_ENDPOINT: "http://127.0.0.1:4799", S3_BUCKET: "prof", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" });
const key = process.argv[2];
const t = performance.now();
let n = 0;
for await (const c of skipBytes(decompressedBytes(await streamReportObject(key)), 1e12)) n += c.length;
console.log("skip whole file s", ((performance.now() - t) / 1000).toFixed(2));
