import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { canonicalize, signatureHeader, verifySignature } from "./signing";
import { retryAfterMs } from "./durations";
import { stepUrl, type FunctionConfig } from "./function-registry";
import type { Run } from "./run-store";

/** One op the SDK reports in a 206 response (see the SDK's `OutgoingOp`). */
export interface Op {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: Record<string, unknown>;
}

export type CallOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: unknown }
  | { kind: "retry"; error: unknown; retryAfterMs: number | null }
  | { kind: "ops"; ops: Op[]; retryAfterMs: number | null }
  | { kind: "aborted" };

export interface CallOptions {
  signingKey: string;
  maxAttempts: number;
  signal: AbortSignal;
  onUnsignedResponse?: () => void;
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { name: "Error", message: text.slice(0, 2000) };
  }
}

/** The request body the SDK's `parseFnData` expects (no `fn_id`, so the SDK stays in plain async mode). */
export function buildRequestBody(run: Run, maxAttempts: number): string {
  return canonicalize({
    event: run.event,
    events: run.events,
    steps: run.steps,
    ctx: {
      run_id: run.id,
      attempt: run.attempt,
      max_attempts: maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: run.stack, current: run.stack.length - 1 },
    },
  });
}

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

// node:http rather than fetch: fetch gives up on a response after 300s without
// headers, and an import step may legitimately run longer than that.
function post(url: URL, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const out = new Headers();
        for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) out.set(key, String(value));
        resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Makes one signed call to the app for `run` and classifies the answer. */
export async function callApp(run: Run, fn: FunctionConfig, opts: CallOptions): Promise<CallOutcome> {
  const url = new URL(stepUrl(fn));
  // A planned (parallel) step is run by naming it; otherwise the SDK discovers the next step itself.
  if (run.planned[0]) url.searchParams.set("stepId", run.planned[0]);
  const body = buildRequestBody(run, opts.maxAttempts);
  let res: RawResponse;
  try {
    res = await post(url, body, {
      "content-type": "application/json",
      "x-inngest-signature": signatureHeader(body, opts.signingKey),
      "x-inngest-server-kind": "cloud",
      "x-run-id": run.id,
      "x-request-id": `${run.id}-${run.stack.length}-${run.attempt}`,
    }, opts.signal);
  } catch (err) {
    if (opts.signal.aborted) return { kind: "aborted" };
    return { kind: "retry", error: { name: "Error", message: `could not reach the app at ${url.origin}: ${(err as Error).message}` }, retryAfterMs: null };
  }
  const text = res.text;
  if (!verifySignature(text, res.headers.get("x-inngest-signature"), opts.signingKey)) opts.onUnsignedResponse?.();

  const retryAfter = retryAfterMs(res.headers.get("retry-after"), Date.now());
  const noRetry = res.headers.get("x-inngest-no-retry") === "true";
  const parsed = parseBody(text);
  if (res.status === 200) return { kind: "completed", output: parsed };
  if (res.status === 206) {
    const ops = Array.isArray(parsed) ? (parsed as Op[]) : [];
    return { kind: "ops", ops, retryAfterMs: retryAfter };
  }
  if (noRetry) return { kind: "failed", error: parsed };
  return { kind: "retry", error: parsed ?? { name: "Error", message: `HTTP ${res.status}` }, retryAfterMs: retryAfter };
}
