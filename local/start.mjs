#!/usr/bin/env node
// One command for the whole app on one machine: installs dependencies when missing, builds the app when its
// sources changed, starts a local stand-in for every hosted service the environment does not name, migrates,
// seeds the first admin, and serves the production build (`--dev`: `next dev` instead, for development).
// Plain Node on purpose: it must run on a fresh clone before `npm ci`.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runOnce, startService, stopAll } from "./launcher/processes.mjs";
import { findFreePort } from "./launcher/ports.mjs";
import { loadLocalSecrets } from "./launcher/secrets.mjs";
import { buildEnvironment } from "./launcher/environment.mjs";
import { ensureProductionBuild, forgetBuild } from "./launcher/build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const startedAt = Date.now();

function needsInstall() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  return statSync(path.join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs;
}

async function main() {
  if (needsInstall()) await runOnce("install", "npm", ["ci", "--no-audit", "--no-fund"], process.env);
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const secrets = loadLocalSecrets(dataDir);
  const log = (line) => console.log(`[start] ${line}`);
  if (dev) forgetBuild();
  else {
    // Nothing is inlined into the bundle from the environment (see lib/realtime/client-config.ts), so ports
    // chosen later do not make this build stale.
    const preferred = { app: 3000, s3: 4569, inngest: 8288, pusher: 6001, youtube: 8765 };
    await ensureProductionBuild({ env: buildEnvironment({ base: process.env, dataDir, secrets, ports: preferred }).env, run: runOnce, log });
  }
  const ports = {
    app: await findFreePort(Number(process.env.PORT ?? 3000)),
    s3: await findFreePort(4569),
    inngest: await findFreePort(8288),
    pusher: await findFreePort(6001),
    youtube: await findFreePort(8765),
  };
  const { env, standIns } = buildEnvironment({ base: process.env, dataDir, secrets, ports });
  const tsx = path.join(root, "node_modules", ".bin", "tsx");

  if (standIns.s3) await startService("s3", tsx, ["local/s3/main.ts"], { ...env, PORT: String(ports.s3) }, `http://127.0.0.1:${ports.s3}/`);
  if (standIns.pusher) await startService("pusher", tsx, ["local/pusher/main.ts"], { ...env, PORT: String(ports.pusher) }, `http://127.0.0.1:${ports.pusher}/`);
  if (standIns.youtube) await startService("youtube", tsx, ["local/youtube/main.ts"], { ...env, PORT: String(ports.youtube) }, `http://127.0.0.1:${ports.youtube}/__sandbox/requests`);

  await runOnce("migrate", tsx, ["lib/db/migrate.ts"], env);
  await runOnce("seed", tsx, ["lib/auth/seed-admin-cli.ts"], env);
  if (standIns.s3) await runOnce("seed", tsx, ["local/seed-sample-reports.ts"], env);

  const appUrl = `http://127.0.0.1:${ports.app}`;
  // Next names loopback "localhost" in redirects; the browser must use the same name or it loses its cookie.
  const browserUrl = `http://localhost:${ports.app}`;
  const next = path.join(root, "node_modules", ".bin", "next");
  await startService("app", next, [dev ? "dev" : "start", "-p", String(ports.app), "-H", "127.0.0.1"], env, `${appUrl}/health`);
  if (standIns.inngest) {
    await startService("inngest", tsx, ["local/inngest/main.ts"], { ...env, PORT: String(ports.inngest), APP_INNGEST_URL: `${appUrl}/api/inngest` }, `http://127.0.0.1:${ports.inngest}/health`);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n  Catalog is running on ${browserUrl}  (${dev ? "next dev" : "production build"}, ready in ${seconds} s; Ctrl-C stops everything)\n`);
}

let shuttingDown;
function shutdown(code, reason) {
  if (!shuttingDown) {
    if (reason) console.log(`\n[start] ${reason}: stopping every process`);
    shuttingDown = stopAll().then(() => process.exit(code));
  }
  return shuttingDown;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => shutdown(0, signal));

// Whatever started the launcher (npm, a shell, a process manager) may die without passing a signal on; the
// launcher is then re-parented, which this notices within a second.
const parentAtStart = process.ppid;
setInterval(() => process.ppid !== parentAtStart && shutdown(0, "the process that started the launcher exited"), 1000).unref();

main().catch((error) => {
  if (shuttingDown) return;
  console.error(`\n[start] ${error instanceof Error ? error.message : error}`);
  shutdown(1);
});
