// Browser-side calls to the JSON API. Errors surface the API's own message (lib/errors.ts: {status, code, message}),
// which is written for people, instead of a bare HTTP status.

export async function apiJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, {
      ...init,
      headers: init?.body ? { "content-type": "application/json", ...init.headers } : init?.headers,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === "string" && message ? message : `The request failed (HTTP ${response.status}).`);
  }
  return body as T;
}

export type ImportResponse = { status: "accepted"; report_ids: number[]; reports: { id: number; key: string; status: string }[] };

export function requestImport(files: string[], excludeShorts: boolean): Promise<ImportResponse> {
  return apiJson<ImportResponse>("/api/process-report", {
    method: "POST",
    body: JSON.stringify({ files, exclude_shorts: excludeShorts }),
  });
}

export function cancelReport(id: number): Promise<unknown> {
  return apiJson(`/api/reports/${id}/cancel`, { method: "POST" });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
