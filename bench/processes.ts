import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Starts `node --import tsx <script>` (not the tsx CLI, which forks) so the pid is the process doing the work.
 * `react-server` is the condition Next serves route handlers under (it makes `server-only` importable).
 */
export function startNodeProcess(name: string, script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, "--conditions=react-server", "--import", "tsx", script], { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) => chunk.toString().trimEnd().split("\n").map((l) => `  [${name}] ${l}`).join("\n");
  // Step timings ("[import] …") always show; everything else with BENCH_VERBOSE=1.
  child.stdout!.on("data", (c: Buffer) => {
    const text = process.env.BENCH_VERBOSE ? c.toString() : c.toString().split("\n").filter((l) => l.includes("[import]")).join("\n");
    if (text.trim()) console.log(prefix(Buffer.from(text)));
  });
  child.stderr!.on("data", (c: Buffer) => console.error(prefix(c)));
  return child;
}

/** Peak resident memory (VmHWM) of a live process in MB, from /proc. */
export function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function waitForUrl(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
