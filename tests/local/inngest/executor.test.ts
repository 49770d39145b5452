import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/node";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import type { Run } from "@/local/inngest/run-store";

const signingKey = `signkey-test-${"ab12".repeat(16)}`;
const eventKey = "local-test-event-key";

// Side-effect counters the functions bump, so tests can prove each step ran once.
const counts: Record<string, number> = {};
const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
const startTimes: number[] = [];
const received: unknown[] = [];
const intervals: Array<{ group: string; start: number; end: number }> = [];
const failures: Array<{ error: string; fn: unknown }> = [];
let releaseGate: () => void = () => {};
const gate = new Promise<void>((resolve) => (releaseGate = resolve));

let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
let app: Server;
let appUrl: string;
let executor: ExecutorHandle;
let executorPort: number;
let dataDir: string;
let inngest: Inngest;

function defineFunctions(client: Inngest) {
  const multi = client.createFunction({ id: "multi-step", triggers: [{ event: "test/multi" }] }, async ({ step }) => {
    const a = await step.run("a", () => bump("multi-a"));
    const b = await step.run("b", () => bump("multi-b"));
    const c = await step.run("c", () => bump("multi-c"));
    // Parallel steps come back as StepPlanned ops that the executor runs one by one.
    const [d, e] = await Promise.all([step.run("d", () => bump("multi-d")), step.run("e", () => bump("multi-e"))]);
    return { sum: a + b + c + d + e };
  });
  const flaky = client.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
    return step.run("flaky-step", () => {
      if (bump("flaky") === 1) throw new Error("first attempt fails");
      return "recovered";
    });
  });
  const nonRetriable = client.createFunction(
    {
      id: "non-retriable",
      retries: 3,
      triggers: [{ event: "test/nonretry" }],
      onFailure: async ({ error, event }) => {
        failures.push({ error: error.message, fn: event.data.function_id });
      },
    },
    async ({ step }) => {
      await step.run("doomed", () => {
        bump("doomed");
        throw new NonRetriableError("bad input, do not retry");
      });
    },
  );
  const throttled = client.createFunction(
    { id: "throttled", throttle: { limit: 1, period: "2s" }, triggers: [{ event: "test/throttle" }] },
    async ({ step }) => step.run("start", () => startTimes.push(Date.now())),
  );
  const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
    const before = await step.run("before", () => Date.now());
    await step.sleep("nap", "1s");
    const after = await step.run("after", () => Date.now());
    return { slept: after - before };
  });
  const cancellable = client.createFunction(
    { id: "cancellable", cancelOn: [{ event: "test/cancel", match: "data.id" }], triggers: [{ event: "test/cancellable" }] },
    async ({ step }) => {
      await step.sleep("long-nap", "20s");
      await step.run("after-nap", () => bump("cancel-after"));
    },
  );
  const restartable = client.createFunction({ id: "restartable", triggers: [{ event: "test/restart" }] }, async ({ step }) => {
    await step.run("step-1", () => bump("restart-1"));
    await step.run("step-2", async () => {
      // The first attempt hangs until the test has killed the executor mid-step.
      if (bump("restart-2") === 1) await gate;
    });
    return "done";
  });
  const sender = client.createFunction({ id: "sender", triggers: [{ event: "test/send" }] }, async ({ step }) => {
    return step.sendEvent("fan-out", { name: "test/sent", data: { value: 42 } });
  });
  const receiver = client.createFunction({ id: "receiver", triggers: [{ event: "test/sent" }] }, async ({ event }) => {
    received.push(event.data);
  });
  const child = client.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event }) => ({ tenfold: (event.data.n as number) * 10 }));
  const parent = client.createFunction({ id: "parent", triggers: [{ event: "test/parent" }] }, async ({ step }) => {
    return step.invoke("call-child", { function: child, data: { n: 4 } });
  });
  const waiter = client.createFunction({ id: "waiter", triggers: [{ event: "test/wait" }] }, async ({ step }) => {
    const approval = await step.waitForEvent("wait-approval", { event: "test/approved", match: "data.id", timeout: "10s" });
    return approval?.data ?? null;
  });
  const serial = client.createFunction(
    { id: "serial", concurrency: { limit: 1, key: "event.data.group" }, triggers: [{ event: "test/serial" }] },
    async ({ step, event }) =>
      step.run("work", async () => {
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 300));
        intervals.push({ group: event.data.group as string, start, end: Date.now() });
      }),
  );
  return [multi, flaky, nonRetriable, throttled, sleeper, cancellable, restartable, sender, receiver, child, parent, waiter, serial];
}

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for condition");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const runsOf = (fn: string): Run[] => executor.executor.store.all().filter((r) => r.functionId === `catalog-test-${fn}`);
const finishedRun = (fn: string, status: Run["status"] = "completed") =>
  waitFor(() => runsOf(fn).find((r) => r.status === status));

async function launchExecutor(port = 0) {
  return startExecutor({ port, appUrl, signingKey, eventKey, dataDir, pollMs: 50, log: () => {} });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "inngest-local-"));
  app = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  executor = await launchExecutor();
  executorPort = executor.port;
  inngest = new Inngest({ id: "catalog-test", baseUrl: executor.url, eventKey, signingKey, isDev: false });
  handler = serve({ client: inngest, functions: defineFunctions(inngest) });
  await waitFor(() => executor.executor.registry.list().length >= 12);
});

afterAll(async () => {
  releaseGate();
  await executor?.stop();
  await new Promise((r) => app?.close(r));
  await rm(dataDir, { recursive: true, force: true });
});

describe("local inngest executor", () => {
  it("syncs the app's functions, including onFailure handlers", () => {
    const ids = executor.executor.registry.list().map((f) => f.id);
    expect(ids).toContain("catalog-test-multi-step");
    expect(ids).toContain("catalog-test-non-retriable-failure");
  });

  it("refuses a wrong event key", async () => {
    const res = await fetch(`${executor.url}/e/wrong-key`, { method: "POST", body: JSON.stringify({ name: "test/multi" }) });
    expect(res.status).toBe(401);
  });

  it("runs several steps, each exactly once", async () => {
    const { ids } = await inngest.send({ name: "test/multi", data: {} });
    expect(ids).toHaveLength(1);
    const run = await finishedRun("multi-step");
    expect(run.output).toEqual({ sum: 5 });
    expect(["a", "b", "c", "d", "e"].map((k) => counts[`multi-${k}`])).toEqual([1, 1, 1, 1, 1]);
  });

  it("retries a step that throws once", async () => {
    await inngest.send({ name: "test/flaky", data: {} });
    const run = await finishedRun("flaky");
    expect(run.output).toBe("recovered");
    expect(counts.flaky).toBe(2);
  });

  it("fails a NonRetriableError without retry and runs onFailure", async () => {
    await inngest.send({ name: "test/nonretry", data: {} });
    await finishedRun("non-retriable", "failed");
    await waitFor(() => failures.length === 1);
    expect(counts.doomed).toBe(1);
    expect(failures[0]).toMatchObject({ fn: "catalog-test-non-retriable" });
    expect(failures[0].error).toContain("bad input");
  });

  it("throttles run starts (1 per 2s)", async () => {
    await inngest.send([{ name: "test/throttle", data: {} }, { name: "test/throttle", data: {} }]);
    await waitFor(() => runsOf("throttled").filter((r) => r.status === "completed").length === 2, 10_000);
    expect(startTimes[1] - startTimes[0]).toBeGreaterThanOrEqual(1900);
  });

  it("resumes after step.sleep", async () => {
    await inngest.send({ name: "test/sleep", data: {} });
    const run = await finishedRun("sleeper");
    expect((run.output as { slept: number }).slept).toBeGreaterThanOrEqual(900);
  });

  it("cancels a sleeping run on a matching cancel event", async () => {
    await inngest.send([{ name: "test/cancellable", data: { id: "keep" } }, { name: "test/cancellable", data: { id: "drop" } }]);
    await waitFor(() => runsOf("cancellable").filter((r) => r.status === "sleeping").length === 2);
    await inngest.send({ name: "test/cancel", data: { id: "drop" } });
    const cancelled = await finishedRun("cancellable", "cancelled");
    expect(cancelled.event.data).toEqual({ id: "drop" });
    expect(runsOf("cancellable").find((r) => r.event.data.id === "keep")?.status).toBe("sleeping");
    expect(counts["cancel-after"]).toBeUndefined();
  });

  it("resumes a run after an executor restart without repeating finished steps", async () => {
    await inngest.send({ name: "test/restart", data: {} });
    await waitFor(() => counts["restart-2"] === 1);
    await executor.stop();
    executor = await launchExecutor(executorPort);
    const run = await finishedRun("restartable");
    expect(run.output).toBe("done");
    expect(counts["restart-1"]).toBe(1);
    expect(counts["restart-2"]).toBe(2);
  });

  it("step.sendEvent triggers another function", async () => {
    await inngest.send({ name: "test/send", data: {} });
    const run = await finishedRun("sender");
    expect((run.output as { ids: string[] }).ids).toHaveLength(1);
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual({ value: 42 });
  });

  it("step.invoke returns the child's result", async () => {
    await inngest.send({ name: "test/parent", data: {} });
    const run = await finishedRun("parent");
    expect(run.output).toEqual({ tenfold: 40 });
  });

  it("step.waitForEvent resumes on the matching event only", async () => {
    await inngest.send({ name: "test/wait", data: { id: "w1" } });
    await waitFor(() => runsOf("waiter").find((r) => r.status === "waiting"));
    await inngest.send([{ name: "test/approved", data: { id: "other" } }, { name: "test/approved", data: { id: "w1", ok: true } }]);
    const run = await finishedRun("waiter");
    expect(run.output).toEqual({ id: "w1", ok: true });
  });

  it("concurrency keys serialise runs that share a key", async () => {
    await inngest.send(["g", "g", "h"].map((group) => ({ name: "test/serial", data: { group } })));
    await waitFor(() => intervals.length === 3, 10_000);
    const [first, second] = intervals.filter((i) => i.group === "g");
    expect(second.start).toBeGreaterThanOrEqual(first.end);
    const h = intervals.find((i) => i.group === "h")!;
    expect(h.start).toBeLessThan(first.end);
  });

  it("lists runs at GET /v0/runs and details one at /v0/runs/:id", async () => {
    const list = (await (await fetch(`${executor.url}/v0/runs`)).json()) as Array<{ id: string; function: string; status: string }>;
    const multi = list.find((r) => r.function === "catalog-test-multi-step");
    expect(multi?.status).toBe("completed");
    const detail = (await (await fetch(`${executor.url}/v0/runs/${multi!.id}`)).json()) as { steps: Array<{ name: string; data: unknown }> };
    expect(detail.steps.map((s) => s.name).slice(0, 3)).toEqual(["a", "b", "c"]);
    expect((await fetch(`${executor.url}/health`)).status).toBe(200);
  });
});
