import type { FailureMode } from "./google-errors";
import type { FailureOptions, SandboxState } from "./sandbox-state";
import type { TokenIssuer } from "./token-endpoint";

// The sandbox's own HTTP knobs under /__sandbox/ (tests in other processes and people poking at a running
// sandbox use these; in-process tests call the same methods on the YouTubeSandbox object):
//   POST /__sandbox/failure {mode, count?, endpoint?}   GET: the active mode
//   GET /__sandbox/requests                             DELETE: clear the log
//   POST /__sandbox/quota {budget: n | null}            GET: {budget, used}   DELETE: a new quota day (used = 0)
//   POST /__sandbox/token {expires_in}                  GET: {expires_in, issued}
//   POST /__sandbox/paging {pageSize}                   GET: {pageSize} (items per claims.list/claimSearch page)

export type ControlAnswer = { status: number; body: unknown };

export function handleControl(state: SandboxState, tokens: TokenIssuer, method: string, path: string, body: string): ControlAnswer {
  const ok = (payload: unknown): ControlAnswer => ({ status: 200, body: payload });
  try {
    const input = method === "POST" ? (JSON.parse(body || "{}") as Record<string, unknown>) : {};
    switch (`${method} ${path}`) {
      case "POST /__sandbox/failure": {
        const { mode, count, endpoint } = input as unknown as { mode: FailureMode } & FailureOptions;
        state.setFailure(mode, { count, endpoint });
        return ok(state.failure());
      }
      case "GET /__sandbox/failure":
        return ok(state.failure());
      case "GET /__sandbox/requests":
        return ok({ quotaUsed: state.quotaUsed, requests: state.requests() });
      case "DELETE /__sandbox/requests":
        state.clearRequests();
        return ok({ cleared: true });
      case "POST /__sandbox/quota":
        if (!("budget" in input)) throw new Error("send {budget: <units per day> | null}");
        state.setQuotaBudget(input.budget as number | null);
        return ok(state.quota());
      case "GET /__sandbox/quota":
        return ok(state.quota());
      case "DELETE /__sandbox/quota":
        state.resetQuotaDay();
        return ok(state.quota());
      case "POST /__sandbox/token":
        tokens.setLifetime(input.expires_in as number);
        return ok({ expires_in: tokens.lifetime(), issued: tokens.issued().length });
      case "GET /__sandbox/token":
        return ok({ expires_in: tokens.lifetime(), issued: tokens.issued().length });
      case "POST /__sandbox/paging":
        state.setPageSize(input.pageSize as number);
        return ok({ pageSize: state.pageSize() });
      case "GET /__sandbox/paging":
        return ok({ pageSize: state.pageSize() });
      default:
        return { status: 404, body: { error: "unknown sandbox control endpoint" } };
    }
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}
