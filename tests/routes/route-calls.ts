import { getEnv } from "@/lib/env";
import { sessionCookie, type TestUser } from "../helpers/session";

// Calling route handlers as Next does: a web Request and a context whose params are a promise.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The origin of the app's own pages (APP_URL, which the local stack points at its port). */
export const appOrigin = () => new URL(getEnv().APP_URL).origin;

/** Calls a handler as a signed-in user; a non-string body goes out as JSON. */
export async function call(
  handler: Handler,
  path: string,
  options: { user: TestUser; method?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set("cookie", await sessionCookie(options.user));
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(new URL(path, appOrigin()), { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

/** The JSON body and status of a response, for one-line assertions. */
export async function result(response: Response): Promise<{ status: number; body: Record<string, unknown> & { code?: string; message?: string } }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * A body of `total` bytes that is produced only as it is read, counting what was pulled. Pulling more than
 * `failBeyond` bytes errors the stream: a handler that read a 10 MB body in full would fail with that error
 * (a 500), not answer 413.
 */
export function meteredBody(total: number, failBeyond: number, chunkSize = 16 * 1024) {
  const meter = { pulled: 0 };
  const chunk = new Uint8Array(chunkSize).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (meter.pulled >= total) return controller.close();
        if (meter.pulled + chunkSize > failBeyond) return controller.error(new Error(`read ${meter.pulled} bytes, more than the ${failBeyond} allowed`));
        meter.pulled += chunkSize;
        controller.enqueue(chunk);
      },
    },
    // Nothing is read ahead of the consumer: every pulled byte was asked for.
    { highWaterMark: 0 },
  );
  return { stream, meter };
}

/** A streamed request (no Content-Length unless given) from a signed-in user. */
export async function streamedRequest(path: string, user: TestUser, stream: ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Request> {
  const all = new Headers(headers);
  all.set("cookie", await sessionCookie(user));
  return new Request(new URL(path, appOrigin()), { method: "POST", headers: all, body: stream, duplex: "half" } as RequestInit);
}
