#!/usr/bin/env node
// The production build `npm start` serves: rebuilt only when a source it is made from changed since the last
// successful build. A content hash (not mtimes) so a fresh clone, a `git checkout` or a copied folder is judged
// by what the files say. Run directly (`npm run build`) it always builds, for CI and for people.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processExists } from "./process-groups.mjs";

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const stampFile = (root) => path.join(root, ".next", "catalog-source-stamp");
// Outside .next because `next build` empties .next when it begins.
const lockDir = (root) => path.join(root, ".next-build.lock");

/** Everything the bundle is compiled from; tests, bench, local stand-ins and migrations are not part of it. */
export const BUILD_INPUTS = [
  "app",
  "lib",
  "inngest",
  "types",
  "public",
  "middleware.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function listFiles(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .flatMap((entry) => listFiles(root, path.join(relative, entry.name)));
}

export function sourceStamp(root = checkout) {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap((input) => listFiles(root, input)).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root = checkout) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stampFile(root))) return false;
  return readFileSync(stampFile(root), "utf8").trim() === sourceStamp(root);
}

/** `next dev` writes its own files into .next, so the production build there can no longer be trusted. */
export function forgetBuild(root = checkout) {
  rmSync(stampFile(root), { force: true });
}

/** The pid holding the build lock, or "stale" when that process is gone (or died before writing its pid). */
function lockHolder(lock) {
  try {
    const pid = Number(readFileSync(path.join(lock, "pid"), "utf8").trim());
    return pid && processExists(pid) ? pid : "stale";
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > 10_000 ? "stale" : "starting";
    } catch {
      return "starting"; // removed meanwhile: the next mkdir decides
    }
  }
}

/** One build at a time per checkout (two test files or a test run and `npm start` may ask at once). */
async function withBuildLock(root, log, work) {
  const lock = lockDir(root);
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const holder = lockHolder(lock);
      if (holder === "stale") {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`waiting for another build of this checkout (process ${holder}) to finish`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds when the sources changed since the last successful build (or always, with `force`). `run` executes
 * a command to completion and rejects on failure: the launcher passes its own, so the build is stopped with it.
 */
export async function ensureProductionBuild({ env, run, log = console.log, force = false, root = checkout }) {
  if (!force && buildIsCurrent(root)) return false;
  return withBuildLock(root, log, async () => {
    // Someone else may have built the same sources while this process waited for the lock.
    if (!force && buildIsCurrent(root)) return false;
    const stamp = sourceStamp(root);
    forgetBuild(root);
    log("building the app for production (next build); this happens again only when its sources change");
    await run("build", path.join(root, "node_modules", ".bin", "next"), ["build"], { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
    writeFileSync(stampFile(root), `${stamp}\n`);
    return true;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { runOnce } = await import("./processes.mjs");
  ensureProductionBuild({ env: process.env, run: runOnce, force: !process.argv.includes("--if-changed") }).then(
    (built) => console.log(built ? "[build] done" : "[build] the production build is up to date"),
    (error) => {
      console.error(`[build] ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
