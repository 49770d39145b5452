import net from "node:net";

export type ThrottlingProxy = { url: string; setRate: (bytesPerSecond: number | null) => void; stop: () => Promise<void> };

/**
 * A TCP proxy in front of a server whose answers it can slow down while open: the app-kill test makes a staging
 * step read its report this slowly so that the step is certainly still running when the app is killed.
 */
export async function startThrottlingProxy(target: { host: string; port: number }): Promise<ThrottlingProxy> {
  let rate: number | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.on("data", (chunk: Buffer) => {
      if (rate === null) return void (client.write(chunk) || pause(upstream, client));
      // Pass the chunk on in slices of a tenth of a second's worth, pausing the upstream meanwhile.
      upstream.pause();
      const slice = Math.max(1, Math.floor(rate / 10));
      const send = (offset: number) => {
        if (client.destroyed) return;
        if (offset >= chunk.length) return void upstream.resume();
        client.write(chunk.subarray(offset, offset + slice));
        setTimeout(() => send(offset + slice), rate === null ? 0 : 100);
      };
      send(0);
    });
    upstream.on("end", () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    setRate: (bytesPerSecond) => (rate = bytesPerSecond),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function pause(upstream: net.Socket, client: net.Socket): void {
  upstream.pause();
  client.once("drain", () => upstream.resume());
}
