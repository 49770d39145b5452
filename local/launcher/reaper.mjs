// The launcher's watchdog, a separate process with the read end of a pipe from the launcher on its stdin. The
// launcher writes the group id of every child it starts. When the pipe closes (the launcher exited, cleanly or
// by SIGKILL, which no handler can catch) the reaper stops every group still running, then exits.
import { pruneEmptyGroups, stopGroups } from "./process-groups.mjs";

const groups = new Set();
pruneEmptyGroups(groups);

let pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  const lines = (pending + chunk).split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const pgid = Number(line.trim());
    if (Number.isInteger(pgid) && pgid > 1) groups.add(pgid);
  }
});

let reaping = false;
async function reap() {
  if (reaping) return;
  reaping = true;
  await stopGroups([...groups], 3000);
  process.exit(0);
}

process.stdin.on("end", reap);
process.stdin.on("error", reap);
// Its own process group keeps it out of Ctrl-C; a deliberate signal still takes the children down with it.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, reap);
