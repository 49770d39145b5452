import net from "node:net";

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The preferred port when free, else the next free one, so a second checkout or a test run does not collide. */
export async function findFreePort(preferred) {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in ${preferred}–${preferred + 99}; set PORT to a free port.`);
}
