#!/usr/bin/env node
// `npm test` runs this first, so the test command brings what the suite needs on a fresh machine: the npm
// dependencies, the system programs the browser tests use (Debian's `chromium`, and `ps` from `procps` to check
// that stopping leaves no process behind), and the production build the whole-stack tests serve.
// Plain Node on purpose: it runs before `npm ci` on a fresh clone.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const log = (line) => console.log(`[test-prerequisites] ${line}`);

function onPath(program) {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    throw new Error(`\`${[command, ...args].join(" ")}\` failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
}

function needsInstall() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  return statSync(path.join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs;
}

/** Debian packages whose program is missing: [package, what it is for]. */
function missingPackages() {
  const missing = [];
  // CHROMIUM_PATH names another Chromium or Chrome binary (tests/smoke/browser.ts uses the same rule).
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) missing.push(["chromium", `the browser the whole-stack tests drive (${chromium})`]);
  if (!onPath("ps")) missing.push(["procps", "`ps`, to check that stopping the app leaves no process behind"]);
  return missing;
}

function installSystemPackages(missing) {
  const names = missing.map(([name]) => name);
  const canInstall = process.getuid?.() === 0 && onPath("apt-get");
  if (!canInstall) {
    const lines = [
      "",
      "The test suite needs programs this machine does not have:",
      ...missing.map(([name, why]) => `  - ${name}: ${why}`),
      "",
      "Install them (Debian/Ubuntu) and run `npm test` again:",
      `  sudo apt-get update && sudo apt-get install -y ${names.join(" ")}`,
      "(When `npm test` runs as root it installs them itself. CHROMIUM_PATH may name another Chromium binary.)",
      "",
    ];
    console.error(lines.join("\n"));
    process.exit(1);
  }
  log(`installing ${names.join(", ")} (apt-get update, then apt-get install)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-q"], env);
  run("apt-get", ["install", "-y", "-q", ...names], env);
  const still = missingPackages();
  if (still.length > 0) throw new Error(`still missing after apt-get install: ${still.map(([name]) => name).join(", ")}`);
}

async function main() {
  if (needsInstall()) {
    log("installing npm dependencies (npm ci)");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
  const missing = missingPackages();
  if (missing.length > 0) installSystemPackages(missing);
  // Imported only now: the build helpers need nothing from node_modules, but the build itself does.
  const { ensureProductionBuild } = await import("../local/launcher/build.mjs");
  const { runOnce } = await import("../local/launcher/processes.mjs");
  await ensureProductionBuild({ env: process.env, run: runOnce, log });
}

main().catch((error) => {
  console.error(`[test-prerequisites] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
