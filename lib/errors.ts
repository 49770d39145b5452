// One typed error for everything a person or client may see; mapped to a response in one place (toResponse).
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "unavailable"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function toResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { status: "error", code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return Response.json(body, { status: error.status });
  }
  console.error(error);
  return Response.json(
    { status: "error", code: "internal", message: "Something went wrong on our side. Try again; if it persists, check the server log." },
    { status: 500 },
  );
}
