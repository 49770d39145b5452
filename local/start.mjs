#!/usr/bin/env node
// One command for the whole app on one machine: installs dependencies when missing, builds the app when its
// sources changed, starts a local stand-in for every hosted service the environment does not name, migrates,
// seeds the first admin, and serves the production build (`--dev`: `next dev` instead, for development).
// Plain Node on purpose: it must run on a fresh clone before `npm ci`.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runOnce, startService, stopAll } from "./launcher/processes.mjs";
import { processExists } from "./launcher/process-groups.mjs";
import { claimFreePort } from "./launcher/ports.mjs";
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

const PREFERRED_PORTS = { s3: 4569, inngest: 8288, pusher: 6001, youtube: 8765 };

async function main() {
  if (needsInstall()) await runOnce("install", "npm", ["ci", "--no-audit", "--no-fund"], process.env);
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const secrets = loadLocalSecrets(dataDir);
  const ports = { app: Number(process.env.PORT ?? 3000), ...PREFERRED_PORTS };
  const environment = () => buildEnvironment({ base: process.env, dataDir, secrets, ports });
  if (dev) forgetBuild();
  else {
    // Nothing from the environment is inlined into the bundle (see lib/realtime/client-config.ts), so the
    // ports chosen below do not make this build stale.
    await ensureProductionBuild({ env: environment().env, run: runOnce, log: (line) => console.log(`[start] ${line}`) });
  }

  const { standIns } = environment();
  for (const name of ["app", ...Object.keys(PREFERRED_PORTS).filter((service) => standIns[service])]) {
    ports[name] = await claimFreePort(ports[name]);
  }
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const standIn = (name, script, readyPath) =>
    startService(name, tsx, [script], { ...environment().env, PORT: String(ports[name]) }, `http://127.0.0.1:${ports[name]}${readyPath}`);

  if (standIns.s3) await standIn("s3", "local/s3/main.ts", "/");
  if (standIns.pusher) await standIn("pusher", "local/pusher/main.ts", "/");
  if (standIns.youtube) await standIn("youtube", "local/youtube/main.ts", "/__sandbox/requests");

  await runOnce("migrate", tsx, ["lib/db/migrate.ts"], environment().env);
  await runOnce("seed", tsx, ["lib/auth/seed-admin-cli.ts"], environment().env);
  if (standIns.s3) await runOnce("seed", tsx, ["local/seed-sample-reports.ts"], environment().env);

  const next = path.join(root, "node_modules", ".bin", "next");
  const appUrl = `http://127.0.0.1:${ports.app}`;
  await startService("app", next, [dev ? "dev" : "start", "-p", String(ports.app), "-H", "127.0.0.1"], environment().env, `${appUrl}/health`);
  if (standIns.inngest) {
    const env = { ...environment().env, PORT: String(ports.inngest), APP_INNGEST_URL: `${appUrl}/api/inngest` };
    await startService("inngest", tsx, ["local/inngest/main.ts"], env, `http://127.0.0.1:${ports.inngest}/health`);
  }
  // Next names loopback "localhost" in redirects; the browser must use the same name or it loses its cookie.
  const browserUrl = `http://localhost:${ports.app}`;
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
// launcher is then re-parented, which this notices within a second. LAUNCHER_STOP_WITH_PID names one more
// process to end with (a test run names itself: npm between them would not notice it die).
const parentAtStart = process.ppid;
const stopWith = Number(process.env.LAUNCHER_STOP_WITH_PID) || undefined;
setInterval(() => {
  if (process.ppid !== parentAtStart) shutdown(0, "the process that started the launcher exited");
  else if (stopWith && !processExists(stopWith)) shutdown(0, `process ${stopWith} (LAUNCHER_STOP_WITH_PID) exited`);
}, 1000).unref();

main().catch((error) => {
  if (shuttingDown) return;
  console.error(`\n[start] ${error instanceof Error ? error.message : error}`);
  shutdown(1);
});
