import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Starts the whole stack exactly as a person would (`npm start`, or `node local/start.mjs`), in its own process
// group, and reads what it prints: the app URL, the generated admin password and the local Pusher port.

const root = path.resolve(import.meta.dirname, "../..");

// Variables the app or the launcher read (lib/env.ts), plus what vitest sets for its workers. None may leak
// into the launcher: a named service would not get a local stand-in, and NODE_ENV=test changes `next dev`.
const APP_VARIABLES = /^(npm_.*|NODE_ENV|VITEST.*|TEST|MODE|APP_URL|DATA_DIR|DATABASE_URL|AUTH_.*|ADMIN_.*|FIREBASE_.*|REPORTS_PREFIX|INNGEST_.*|PUSHER_.*|YOUTUBE_.*|GOOGLE_OAUTH_TOKEN_URL|WEBHOOK_SECRET|SNS_.*|IMPORT_CHUNK_ROWS|S3_.*|PORT)$/;

export type LocalSecrets = { webhookSecret: string; pusherAppId: string; pusherKey: string; pusherSecret: string };

export type Launcher = {
  /** The process started: `npm` (via "npm") or the launcher itself (via "node"). */
  child: ChildProcess;
  dataDir: string;
  port: number;
  /** What the launcher prints (the browser's URL, http://localhost:<port>). */
  url: string;
  /** Same app on 127.0.0.1, for Node's fetch (Next listens on 127.0.0.1 only). */
  apiUrl: string;
  adminEmail: string;
  adminPassword: string;
  pusherPort: number;
  output: () => string;
  secrets: () => LocalSecrets;
};

export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function pickAppPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 3300 + Math.floor(Math.random() * 600);
    if (await isFree(port)) return port;
  }
  throw new Error("no free port for the app in 3300–3899");
}

/** The environment of a person's shell: nothing of vitest's or npm's, no app setting. */
function personEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !APP_VARIABLES.test(name))) as NodeJS.ProcessEnv;
}

/**
 * The production build the launcher serves, made here (if the sources changed) so its minutes do not count
 * against the launcher's ready timeout. `npm test` has already done this in its pre-step; a direct
 * `npx vitest run` of a browser test may not have.
 */
export async function ensureProductionBuild(timeoutMs = 900_000): Promise<void> {
  const child = spawn(process.execPath, ["local/launcher/build.mjs", "--if-changed"], { cwd: root, env: personEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk) => (log += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the production build failed (exit code ${code}):\n${tail(stripAnsi(log))}`);
}

export type StartOptions = {
  /** "npm" runs `npm start` (npm → launcher), "node" runs `node local/start.mjs` directly. */
  via?: "npm" | "node";
};

export async function startLauncher(readyTimeoutMs: number, { via = "npm" }: StartOptions = {}): Promise<Launcher> {
  await ensureProductionBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "catalog-smoke-"));
  const port = await pickAppPort();
  const [command, args] = via === "npm" ? ["npm", ["start"]] : [process.execPath, ["local/start.mjs"]];
  const child = spawn(command, args, {
    cwd: root,
    // The launch ends with this test worker, however the worker ends (a timeout, Ctrl-C on the test run).
    env: { ...personEnvironment(), PORT: String(port), DATA_DIR: dataDir, LAUNCHER_STOP_WITH_PID: String(process.pid) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk) => (log += chunk.toString()));
  const output = () => stripAnsi(log);

  const launcher: Partial<Launcher> = { child, dataDir, port, output };
  try {
    return await readyLauncher(launcher as Launcher, readyTimeoutMs);
  } catch (error) {
    // A launch that never became ready must not outlive the test run (npm does not notice vitest exiting).
    killLeftovers(launcher as Launcher);
    throw error;
  }
}

async function readyLauncher(launcher: Launcher, readyTimeoutMs: number): Promise<Launcher> {
  const { child, dataDir, output } = launcher;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`launcher not ready within ${readyTimeoutMs / 1000} s:\n${tail(output())}`)), readyTimeoutMs);
    const check = () => {
      if (/Catalog is running on/.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited early (code ${code}, signal ${signal}):\n${tail(output())}`));
    });
  });

  const text = output();
  const url = /Catalog is running on (http:\/\/\S+)/.exec(text)![1].replace(/\/$/, "");
  const email = /email:\s+(\S+)/.exec(text)?.[1];
  const password = /password:\s+(\S+)/.exec(text)?.[1];
  const pusherPort = /local Pusher Channels listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1];
  if (!email || !password) throw new Error(`the launcher printed no admin email/password:\n${tail(text)}`);
  if (!pusherPort) throw new Error(`the launcher printed no local Pusher port:\n${tail(text)}`);
  return {
    ...launcher,
    url,
    apiUrl: url.replace("localhost", "127.0.0.1"),
    adminEmail: email,
    adminPassword: password,
    pusherPort: Number(pusherPort),
    secrets: () => JSON.parse(readFileSync(path.join(dataDir, "local-secrets.json"), "utf8")) as LocalSecrets,
  };
}

export function tail(text: string, lines = 60): string {
  return text.split("\n").slice(-lines).join("\n");
}

/**
 * Sends `signal` to the started process and waits for it to exit. "group" reaches npm and the launcher together,
 * as Ctrl-C in a terminal does; "process" only the started process itself, as a process manager or a container
 * runtime does.
 */
export async function stopLauncher(
  child: ChildProcess,
  timeoutMs: number,
  { target = "group", signal = "SIGTERM" }: { target?: "group" | "process"; signal?: NodeJS.Signals } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  process.kill(target === "group" ? -child.pid! : child.pid!, signal);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running ${timeoutMs / 1000} s after ${signal}`)), timeoutMs));
  return Promise.race([exited, timeout]);
}

/** Direct children of a process (for `npm start`: the launcher, `node local/start.mjs`). */
export function childProcesses(pid: number): { pid: number; args: string }[] {
  let ps = "";
  try {
    ps = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" }).trim();
  } catch {
    // ps exits 1 when there is no such child
  }
  return ps
    ? ps.split("\n").map((line) => {
        const [child, ...args] = line.trim().split(/\s+/);
        return { pid: Number(child), args: args.join(" ") };
      })
    : [];
}

/** Waits until no process of this launch is left, and returns what is left after `timeoutMs`. */
export async function waitForNoLeftovers(dataDir: string, port: number, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let left = leftoverProcesses(dataDir, port);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = leftoverProcesses(dataDir, port);
  }
  return left;
}

/**
 * Processes that belong to this launch: their command line names the data folder or the app port, or their
 * environment carries DATA_DIR=<data folder> (the launcher passes it to every child it starts).
 */
export function leftoverProcesses(dataDir: string, port: number): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const portPattern = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  const byArgs = ps
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .filter((line) => {
      const [pid, ...args] = line.split(/\s+/);
      if (Number(pid) === process.pid) return false;
      const command = args.join(" ");
      if (command.startsWith("ps ")) return false;
      return command.includes(dataDir) || portPattern.test(command);
    });
  const byEnv: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (environ.includes(`DATA_DIR=${dataDir}`)) {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
        if (!byArgs.some((line) => line.startsWith(`${pid} `))) byEnv.push(`${pid} ${args} (DATA_DIR=${dataDir} in its environment)`);
      }
    } catch {
      // gone meanwhile, or another user's process
    }
  }
  return [...byArgs, ...byEnv];
}

/** Last resort for afterAll: SIGKILL the group and anything still carrying our DATA_DIR. */
export function killLeftovers(launcher: Pick<Launcher, "child" | "dataDir" | "port">): void {
  try {
    process.kill(-launcher.child.pid!, "SIGKILL");
  } catch {}
  // Only processes provably ours (DATA_DIR); a bare port match could be someone else's process.
  for (const line of leftoverProcesses(launcher.dataDir, launcher.port).filter((l) => l.includes(launcher.dataDir))) {
    const pid = Number(line.split(/\s+/)[0]);
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
}

/** Stops a launcher the test started (if it still runs), kills anything it left and removes its data folder. */
export async function stopStack(launcher: Launcher | undefined): Promise<void> {
  if (!launcher) return;
  if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
    await stopLauncher(launcher.child, 20_000).catch(() => {});
  }
  killLeftovers(launcher);
  rmSync(launcher.dataDir, { recursive: true, force: true });
}
