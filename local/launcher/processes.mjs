import { spawn } from "node:child_process";

// Every child runs in its own process group so stopping it also stops what it spawned (tsx, next workers).
const running = [];
const colors = { app: 36, s3: 33, pusher: 35, youtube: 31, inngest: 32, migrate: 34, seed: 34, install: 90 };

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
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  return child;
}

/** Runs a command to completion (install, migrate, seed); a failure stops the launch with its exit code. */
export function runOnce(name, command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawnPrefixed(name, command, args, env);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit code ${code}); see the [${name}] lines above.`))));
  });
}

/** Starts a long-running service and waits until its URL answers over HTTP. */
export async function startService(name, command, args, env, readyUrl, timeoutMs = 180_000) {
  const child = spawnPrefixed(name, command, args, env);
  running.push({ name, child });
  let exited = false;
  child.on("exit", (code) => {
    exited = true;
    if (!stopping) console.error(`[start] ${name} exited with code ${code}`);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} stopped before it was ready; see the [${name}] lines above.`);
    try {
      await fetch(readyUrl, { signal: AbortSignal.timeout(5000) });
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${name} did not answer on ${readyUrl} within ${timeoutMs / 1000} s.`);
}

let stopping = false;

/** SIGTERM every process group, then SIGKILL what is left after a grace period: no orphans. */
export async function stopAll() {
  stopping = true;
  const alive = running.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  for (const { child } of alive.reverse()) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && alive.some(({ child }) => child.exitCode === null && child.signalCode === null)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const { child } of alive) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}
