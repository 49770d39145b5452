import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { processExists } from "./process-groups.mjs";

// Launches on one machine (a test run beside `npm start`, two test files at once) must not pick the same port:
// a free port stays free for seconds before the service started on it binds it. Each launcher claims its ports
// in a shared folder (one file per port, holding the launcher's pid) and skips ports another live launcher holds.
const registry = path.join(tmpdir(), "catalog-launcher-ports");
const claimed = new Set();

function claim(port, retakeStale = true) {
  const file = path.join(registry, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    claimed.add(port);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") return true; // no shared folder to coordinate in: rely on the bind check alone
    const holder = Number(readFileSync(file, { encoding: "utf8", flag: "a+" }).trim());
    // No pid yet: its launcher is writing it right now.
    if (!retakeStale || !holder || processExists(holder)) return false;
    rmSync(file, { force: true }); // left by a launcher that was killed
    return claim(port, false);
  }
}

function unclaim(port) {
  if (claimed.delete(port)) rmSync(path.join(registry, String(port)), { force: true });
}

process.on("exit", () => [...claimed].forEach(unclaim));

export function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Ports browsers block (fetch spec "bad ports"): `next start` refuses them (e.g. 3659), so a launcher that picked one
 * would fail to start the app. Next's own list is asked; it is loaded lazily because the launcher imports this
 * module before it has installed node_modules on a fresh clone.
 */
function isReservedPort(port) {
  const { isPortIsReserved } = createRequire(import.meta.url)("next/dist/lib/helpers/get-reserved-port.js");
  return isPortIsReserved(port);
}

/** The preferred port when free and unclaimed, else the next such one; held for this launcher until it exits. */
export async function claimFreePort(preferred) {
  try {
    mkdirSync(registry, { recursive: true, mode: 0o1777 });
  } catch {
    // read-only temp folder: claim() falls back to the bind check
  }
  for (let port = preferred; port < preferred + 100; port++) {
    if (isReservedPort(port) || !claim(port)) continue;
    if (await isFree(port)) return port;
    unclaim(port);
  }
  throw new Error(`No free port in ${preferred}–${preferred + 99}; set PORT to a free port.`);
}
