// Process-group bookkeeping shared by the launcher and its reaper. Every child runs as the leader of its own
// group, so signalling -pgid reaches what it spawned too (tsx's node, Next's workers).

/** True while the process runs (or is a zombie not yet reaped). */
export function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** True while any process is in the group. */
export function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

export function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM every group, SIGKILL what is still there after the grace period. */
export async function stopGroups(pgids, graceMs = 5000) {
  const live = pgids.filter(groupExists);
  for (const pgid of live) signalGroup(pgid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && live.some(groupExists)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const pgid of live) signalGroup(pgid, "SIGKILL");
}

/**
 * Forgets groups that emptied, checked every few seconds: pids are reused (pid_max can be 32768), and a group id
 * kept after its group ended could one day name someone else's processes.
 */
export function pruneEmptyGroups(pgids, everyMs = 2000) {
  return setInterval(() => {
    for (const pgid of [...pgids]) if (!groupExists(pgid)) pgids.delete(pgid);
  }, everyMs).unref();
}
