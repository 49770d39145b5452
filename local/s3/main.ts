import path from "node:path";
import { startLocalS3 } from "./server";

// The S3 stand-in as its own process, started by local/start.mjs. Objects live under DATA_DIR/s3.
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const bucket = process.env.S3_BUCKET ?? "catalog-reports";

startLocalS3({ port: Number(process.env.PORT ?? 4569), directory: path.join(dataDir, "s3"), bucket })
  .then((s3) => console.log(`S3 stand-in on ${s3.url}, bucket "${bucket}" in ${path.join(dataDir, "s3")}`))
  .catch((error) => {
    console.error(`S3 stand-in could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
