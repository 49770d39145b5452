import { AppError } from "@/lib/errors";

/** Default cap for JSON and form bodies; webhooks use a smaller one (see lib/webhooks). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(limit / 1024)} KB. Send less data per request.`);
}

/**
 * Reads the body as UTF-8 text, stopping as soon as it passes `limit` bytes: a 10 MB body costs at most
 * `limit` bytes of memory before it is refused with 413. A Content-Length above the limit is refused unread.
 */
export async function readBodyText(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
