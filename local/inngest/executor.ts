import type { AddressInfo } from "node:net";
import { Executor, type ExecutorOptions } from "./engine";
import { createHttpServer } from "./http-server";
import type { SyncResult } from "./app-sync";

export { Executor, type ExecutorOptions } from "./engine";

export interface ExecutorHandle {
  url: string;
  port: number;
  executor: Executor;
  sync(): Promise<SyncResult>;
  stop(): Promise<void>;
}

export async function startExecutor(opts: ExecutorOptions): Promise<ExecutorHandle> {
  const executor = new Executor(opts);
  const server = createHttpServer(executor);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  executor.start();
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    port,
    executor,
    sync: () => executor.sync(),
    stop: async () => {
      executor.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
