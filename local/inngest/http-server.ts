import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ingest } from "./event-intake";
import { hashedSigningKey } from "./signing";
import type { FunctionConfig } from "./function-registry";
import type { Executor } from "./engine";
import type { Run } from "./run-store";

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : null;
}

function summary(run: Run) {
  return {
    id: run.id,
    function: run.functionId,
    status: run.status,
    event: run.event.name,
    stepsDone: run.stack.length,
    attempt: run.attempt,
    createdAt: run.createdAt,
    startedAt: run.startedAt ?? null,
    endedAt: run.endedAt ?? null,
    error: run.status === "completed" ? null : run.error ?? null,
  };
}

function detail(run: Run) {
  const steps = run.stack.map((id) => ({ id, name: run.stepNames[id] ?? id, ...run.steps[id] }));
  return { ...summary(run), output: run.output ?? null, steps, waits: run.waits, planned: run.planned, parent: run.parent ?? null, events: run.events };
}

// Inngest's API takes the signing key as bearer token, hashed (as the SDK sends it) or as is.
function isApiAuthorized(header: string | undefined, signingKey: string): boolean {
  return header === `Bearer ${hashedSigningKey(signingKey)}` || header === `Bearer ${signingKey}`;
}

/** Routes: Inngest's event + register APIs the SDK calls, plus local debug endpoints. */
export function createHttpServer(executor: Executor): Server {
  const { eventKey, signingKey } = executor.opts;
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://local");
    const method = req.method ?? "GET";
    const p = url.pathname.replace(/\/+$/, "") || "/";
    if (method === "GET" && p === "/health") return send(res, 200, { ok: true, functions: executor.registry.list().length });
    const eventMatch = /^\/e\/([^/]+)$/.exec(p);
    if (eventMatch && method === "POST") {
      if (decodeURIComponent(eventMatch[1]) !== eventKey) return send(res, 401, { error: "Event key not found", status: 401 });
      try {
        return send(res, 200, { ids: ingest(executor, await readJsonBody(req)), status: 200 });
      } catch (err) {
        return send(res, 400, { error: (err as Error).message, status: 400 });
      }
    }
    if (method === "POST" && p === "/fn/register") {
      // Out-of-band sync: the SDK authenticates with its hashed signing key.
      if (req.headers.authorization !== `Bearer ${hashedSigningKey(signingKey)}`) return send(res, 401, { status: 401, error: "Unauthorized: signing key mismatch" });
      const body = (await readJsonBody(req)) as { url?: string; functions?: FunctionConfig[] };
      executor.registry.replace(body.functions ?? [], body.url ?? null);
      return send(res, 200, { status: 200, modified: true, skipped: false, error: "Successfully registered" });
    }
    if (method === "GET" && p === "/v1/events") {
      // Inngest's REST API (latest events first); the app's /health probes it with the signing key as bearer.
      if (!isApiAuthorized(req.headers.authorization, signingKey)) return send(res, 401, { error: "Unauthorized: signing key mismatch" });
      const limit = Math.min(Math.max(Number(url.searchParams.get("limit")) || 20, 1), 100);
      return send(res, 200, { data: [...executor.recentEvents].reverse().slice(0, limit), metadata: { fetched_at: new Date().toISOString() } });
    }
    if (method === "POST" && p === "/sync") {
      const result = await executor.sync();
      return send(res, result.ok ? 200 : 502, { ...result, functions: executor.registry.list().map((f) => f.id) });
    }
    if (method === "GET" && p === "/v0/functions") return send(res, 200, executor.registry.list());
    if (method === "GET" && p === "/v0/events") return send(res, 200, [...executor.recentEvents].reverse());
    if (method === "GET" && p === "/v0/runs") {
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return send(res, 200, executor.store.all().reverse().slice(0, limit).map(summary));
    }
    const runMatch = /^\/v0\/runs\/([^/]+)$/.exec(p);
    if (method === "GET" && runMatch) {
      const run = executor.store.get(runMatch[1]);
      return run ? send(res, 200, detail(run)) : send(res, 404, { error: "run not found" });
    }
    send(res, 404, { error: `no route for ${method} ${p}` });
  };
  return createServer((req, res) => {
    route(req, res).catch((err) => send(res, 500, { error: (err as Error).message }));
  });
}
