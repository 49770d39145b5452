import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pruneEmptyGroups, stopGroups } from "./process-groups.mjs";

// Every child runs in its own process group so stopping it also stops what it spawned (tsx, next workers), and
// so Ctrl-C reaches only the launcher, which then stops the services in order. A reaper process (reaper.mjs)
// stops the same groups when the launcher dies without cleaning up, e.g. by SIGKILL.
const groups = new Set();
const services = [];
const colors = { app: 36, s3: 33, pusher: 35, youtube: 31, inngest: 32, migrate: 34, seed: 34, build: 90, install: 90 };
let stopping = false;
let reaper;

pruneEmptyGroups(groups);

function watchedByReaper(pgid) {
  if (!reaper) {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "reaper.mjs");
    reaper = spawn(process.execPath, [script], { detached: true, stdio: ["pipe", "ignore", "inherit"] });
    // The pipe must not keep the launcher alive, and a reaper that died must not crash it.
    reaper.unref();
    reaper.stdin.on("error", () => {});
    reaper.stdin.unref();
  }
  reaper.stdin.write(`${pgid}\n`);
}

function prefixLines(name, stream, target) {
  const tag = `\x1b[${colors[name] ?? 37}m[${name}]\x1b[0m `;
  let pending = "";
  stream.on("data", (chunk) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) target.write(tag + line + "\n");
  });
  stream.on("end", () => pending && target.write(tag + pending + "\n"));
}

function spawnPrefixed(name, command, args, env) {
  if (stopping) throw new Error(`not starting ${name}: stopping`);
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid) {
    groups.add(child.pid);
    watchedByReaper(child.pid);
  }
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  return child;
}

/** Runs a command to completion (install, build, migrate, seed); a failure stops the launch with its exit code. */
export function runOnce(name, command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawnPrefixed(name, command, args, env);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else if (stopping) reject(new Error(`${name} stopped`));
      else reject(new Error(`${name} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see the [${name}] lines above.`));
    });
  });
}

/** Starts a long-running service and waits until its URL answers over HTTP. */
export async function startService(name, command, args, env, readyUrl, timeoutMs = 180_000) {
  const child = spawnPrefixed(name, command, args, env);
  services.push({ name, child });
  let exited = false;
  child.on("exit", (code) => {
    exited = true;
    if (!stopping) console.error(`[start] ${name} exited with code ${code}`);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} stopped before it was ready; see the [${name}] lines above.`);
    if (stopping) throw new Error(`${name} stopped`);
    try {
      await fetch(readyUrl, { signal: AbortSignal.timeout(5000) });
      // Whoever answered, the service itself must still be running (not exited on a port someone else took).
      await new Promise((r) => setTimeout(r, 200));
      if (!exited) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${name} did not answer on ${readyUrl} within ${timeoutMs / 1000} s.`);
}

/** SIGTERM to every group still running (services newest first), SIGKILL after 5 s: no orphans. */
export async function stopAll() {
  stopping = true;
  const newestFirst = [...services.map(({ child }) => child.pid).reverse().filter((pid) => groups.has(pid)), ...groups];
  await stopGroups([...new Set(newestFirst)], 5000);
}
