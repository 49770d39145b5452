// Browser-side calls to the video routes. Errors keep the API's message (written for people) and its details,
// so a form can put each validation message next to its field.

export type FieldError = { field: string; message: string };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; details: FieldError[] };

export async function sendVideoRequest<T>(url: string, method: "POST" | "DELETE", body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again.", details: [] };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: json as T };
  const error = (json ?? {}) as { message?: unknown; details?: unknown };
  return {
    ok: false,
    message: typeof error.message === "string" && error.message ? error.message : `The request failed (HTTP ${response.status}).`,
    details: Array.isArray(error.details) ? (error.details as FieldError[]) : [],
  };
}

export const videoUrl = (videoId: string, action?: "update" | "flags") =>
  `/api/videos/${encodeURIComponent(videoId)}${action ? `/${action}` : ""}`;
