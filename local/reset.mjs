#!/usr/bin/env node
// Deletes the local data folder: the embedded database, the bucket, executor runs and local keys.
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
rmSync(dataDir, { recursive: true, force: true });
console.log(`removed ${dataDir}; the next \`npm start\` begins with an empty catalog and a new admin password`);
