import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimFreePort } from "@/local/launcher/ports.mjs";

// Two launches at once (a test run beside `npm start`, two browser test files) must not pick the same port for
// a stand-in: the port stays free for the seconds its service takes to bind it.

const registry = path.join(tmpdir(), "catalog-launcher-ports");

/** A preferred port unlikely to be used by anyone else on the machine, with room above it. */
const somePort = () => 20_000 + Math.floor(Math.random() * 20_000);

/** claimFreePort in another process, as a second launcher would; resolves with its port and keeps it running. */
function claimInAnotherProcess(preferred: number): Promise<{ port: number; stop: () => void }> {
  const script = `import("${path.resolve("local/launcher/ports.mjs")}").then(async (m) => { console.log(await m.claimFreePort(${preferred})); setInterval(() => {}, 1000); })`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve({ port: Number(chunk.toString().trim()), stop: () => child.kill("SIGKILL") }));
    child.once("exit", (code) => reject(new Error(`claiming process exited (${code})`)));
  });
}

describe("ports claimed by a launcher", () => {
  it("are skipped by another launcher while it runs, and free again once it is gone", async () => {
    const preferred = somePort();
    const other = await claimInAnotherProcess(preferred);
    expect(other.port).toBe(preferred);
    const mine = await claimFreePort(preferred);
    expect(mine, "the other launcher holds the preferred port, unbound as it still is").toBe(preferred + 1);

    other.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(await claimFreePort(preferred), "a killed launcher's claim is taken over").toBe(preferred);
  });

  it("skip a port another program is listening on", async () => {
    const preferred = somePort();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(preferred, "127.0.0.1", resolve));
    try {
      expect(await claimFreePort(preferred)).toBe(preferred + 1);
    } finally {
      server.close();
    }
  });

  it("take over a claim whose launcher no longer runs", async () => {
    const preferred = somePort();
    mkdirSync(registry, { recursive: true });
    writeFileSync(path.join(registry, String(preferred)), "2147483646"); // no such process
    expect(await claimFreePort(preferred)).toBe(preferred);
  });

  it("never picks a port browsers block, which next start refuses (3659 made a test launch fail)", async () => {
    const port = await claimFreePort(3659);
    expect(port).not.toBe(3659);
    expect(port).toBeGreaterThan(3659);
  });
});
