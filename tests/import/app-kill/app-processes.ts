import { spawn, type ChildProcess } from "node:child_process";

export type AppProcesses = ReturnType<typeof appProcesses>;

/**
 * Starts, kills and talks to app-process.ts children that serve one fixed URL. `load` brings a process up to
 * the point where it only has to open the database and listen; `start` lets it do that. A replacement can so be
 * loaded while the old process still runs, and the app is down for about a second, not for a module load.
 */
export function appProcesses(url: string, env: NodeJS.ProcessEnv) {
  let current: ChildProcess | undefined;
  let output = "";
  /** The `[import] report <id> <step> <ms>` lines of the current process: which steps it ran. */
  let stepLog: string[] = [];

  function waitForOutput(child: ChildProcess, text: string): Promise<void> {
    let seen = "";
    return new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => (seen += c.toString()).includes(text) && resolve());
      child.once("exit", (code) => reject(new Error(`the app process exited (${code}) before "${text}":\n${output.slice(-3000)}`)));
    });
  }

  async function call<T>(route: string, body: unknown): Promise<T> {
    const response = await fetch(`${url}/__test/${route}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    if (!response.ok) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    async load(): Promise<ChildProcess> {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/import/app-kill/app-process.ts"], { env, stdio: ["pipe", "pipe", "pipe"] });
      child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
      await waitForOutput(child, "app-process loaded");
      return child;
    },
    async start(child: ChildProcess): Promise<void> {
      stepLog = [];
      child.stdout!.on("data", (c: Buffer) => stepLog.push(...c.toString().split("\n").filter((l) => l.startsWith("[import]"))));
      child.stdin!.write("start\n");
      await waitForOutput(child, "app-process ready");
      current = child;
    },
    async kill(): Promise<void> {
      if (!current) return;
      const exited = new Promise((resolve) => current!.once("exit", resolve));
      current.kill("SIGKILL");
      await exited;
      current = undefined;
    },
    call,
    query: <T = Record<string, unknown>>(text: string) => call<T[]>("sql", { text }),
    stepsRun: () => stepLog.map((line) => line.split(" ")[3]),
    output: () => output,
  };
}
