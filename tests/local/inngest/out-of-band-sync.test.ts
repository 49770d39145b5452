import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { startExecutor } from "@/local/inngest/executor";

// With in-band sync disabled the SDK answers our PUT by POSTing its configs to /fn/register.
it("accepts an out-of-band sync through /fn/register", async () => {
  process.env.INNGEST_ALLOW_IN_BAND_SYNC = "false";
  const signingKey = `signkey-test-${"cd34".repeat(16)}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), "inngest-oob-"));
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const app = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const executor = await startExecutor({ port: 0, appUrl, signingKey, eventKey: "k", dataDir, pollMs: 50, log: () => {} });
  try {
    const inngest = new Inngest({ id: "oob", baseUrl: executor.url, eventKey: "k", signingKey, isDev: false });
    const fn = inngest.createFunction({ id: "hello", triggers: [{ event: "oob/hello" }] }, async ({ step }) => step.run("greet", () => "hi"));
    handler = serve({ client: inngest, functions: [fn] });
    const result = await executor.sync();
    expect(result).toMatchObject({ ok: true, kind: "out_of_band" });
    expect(executor.executor.registry.list().map((f) => f.id)).toEqual(["oob-hello"]);
    await inngest.send({ name: "oob/hello", data: {} });
    for (let i = 0; i < 100 && executor.executor.store.all()[0]?.status !== "completed"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(executor.executor.store.all()[0]).toMatchObject({ status: "completed", output: "hi" });
  } finally {
    await executor.stop();
    await new Promise((r) => app.close(r));
    await rm(dataDir, { recursive: true, force: true });
  }
});
