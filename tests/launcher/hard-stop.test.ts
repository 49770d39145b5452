import { readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { childProcesses, killLeftovers, leftoverProcesses, startLauncher, tail, waitForNoLeftovers, type Launcher } from "../smoke/launcher-process";

// `npm start` stopped the hard way. SIGKILL cannot be caught, so the launcher cannot clean up after itself: its
// reaper (a process holding a pipe from the launcher, which closes when the launcher dies) stops every process
// group instead; and a launcher whose npm parent was killed notices it was re-parented and stops everything.
// A clean SIGTERM to npm is covered at the end of the whole-stack smoke test.

/** Starts `npm start` with its own data folder, runs `body`, and removes whatever is left afterwards. */
async function withLaunch(body: (launcher: Launcher) => Promise<void>): Promise<void> {
  const launcher = await startLauncher(180_000);
  try {
    await body(launcher);
  } finally {
    killLeftovers(launcher);
    rmSync(launcher.dataDir, { recursive: true, force: true });
  }
}

/** The launcher (`node local/start.mjs`), npm's only child once `npm start` has exec'd into it. */
function launcherPid(npmPid: number): number {
  const children = childProcesses(npmPid).filter((child) => child.args.includes("local/start.mjs"));
  expect(children, `children of npm (${npmPid})`).toHaveLength(1);
  return children[0].pid;
}

/** Gone, or a zombie waiting for whoever adopted it to reap it (it runs nothing any more). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function expectAllGone(launcher: Launcher, left: string[], what: string) {
  expect(left, `${what}; still running:\n${left.join("\n")}\n--- launcher output ---\n${tail(launcher.output(), 30)}`).toEqual([]);
}

// Concurrent: each test starts its own stack on its own ports and data folder, and the two starts overlap.
describe.concurrent("npm start stopped the hard way", () => {
  it("SIGKILL to the launcher: every stand-in, the app and npm are gone within a few seconds", () =>
    withLaunch(async (launcher) => {
      const { child, dataDir, port } = launcher;
      const running = leftoverProcesses(dataDir, port);
      // npm, the launcher, its reaper and at least the app and four stand-ins (each a tsx/next with its node).
      expect(running.length, running.join("\n")).toBeGreaterThanOrEqual(8);

      process.kill(launcherPid(child.pid!), "SIGKILL");
      expectAllGone(launcher, await waitForNoLeftovers(dataDir, port, 8000), "8 s after SIGKILL to the launcher");
    }), 1_200_000);

  it("SIGKILL to npm: the orphaned launcher stops every process and exits within a few seconds", () =>
    withLaunch(async (launcher) => {
      const { child, dataDir, port } = launcher;
      const launcherProcess = launcherPid(child.pid!);

      process.kill(child.pid!, "SIGKILL");
      expectAllGone(launcher, await waitForNoLeftovers(dataDir, port, 10_000), "10 s after SIGKILL to npm");
      expect(isRunning(launcherProcess), "the launcher is still running").toBe(false);
    }), 1_200_000);
});
