import { FAILURE_MODES, type FailureMode } from "./google-errors";
import { DEFAULT_PAGE_SIZE } from "./paging";

// Mutable sandbox state: the active failure mode, the day's quota, the Content ID page size and the request log. Kept apart from the HTTP
// plumbing so the rules ("count" failures then recover; endpoint filter; budget then quotaExceeded) are easy to
// read in one place.

export interface FailureOptions {
  /** How many matching requests fail before the sandbox recovers; omitted = until mode "none". */
  count?: number;
  /** Only requests whose path contains this string fail (e.g. "/youtube/v3/videos", "claimSearch"). */
  endpoint?: string;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  quotaCost: number;
  failure?: FailureMode;
  /** POST /token only: refresh_token or the JWT-bearer grant of a service account. */
  grantType?: string;
}

const LOG_LIMIT = 1000;

export class SandboxState {
  private mode: FailureMode = "none";
  private remaining: number | undefined;
  private endpoint: string | undefined;
  private log: RequestLogEntry[] = [];
  private quotaBudget: number | null = null;
  private quotaDayUsed = 0;
  private listPageSize = DEFAULT_PAGE_SIZE;
  /** Units logged since the log was last cleared. */
  quotaUsed = 0;

  /** Units per quota day after which Data API calls answer 403 quotaExceeded; null = no limit (the default). */
  setQuotaBudget(budget: number | null): void {
    if (budget !== null && (!Number.isInteger(budget) || budget < 0)) throw new Error("budget must be a non-negative integer or null");
    this.quotaBudget = budget;
  }

  /** A new quota day: nothing spent yet (the budget stays). */
  resetQuotaDay(): void {
    this.quotaDayUsed = 0;
  }

  quota(): { budget: number | null; used: number } {
    return { budget: this.quotaBudget, used: this.quotaDayUsed };
  }

  /** True when a call costing `cost` units must be refused for today's quota. */
  quotaSpent(cost: number): boolean {
    return cost > 0 && this.quotaBudget !== null && this.quotaDayUsed + cost > this.quotaBudget;
  }

  /** Items per page of claims.list and claimSearch; small sizes make paging testable with a few videos. */
  setPageSize(size: number): void {
    if (!Number.isInteger(size) || size < 1) throw new Error("pageSize must be a positive integer");
    this.listPageSize = size;
  }

  pageSize(): number {
    return this.listPageSize;
  }

  setFailure(mode: FailureMode, options: FailureOptions = {}): void {
    if (!FAILURE_MODES.includes(mode)) throw new Error(`unknown failure mode: ${mode}`);
    if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 0)) {
      throw new Error("count must be a non-negative integer");
    }
    // count 0 means "fail zero requests": the same as clearing.
    if (options.count === 0) mode = "none";
    this.mode = mode;
    this.remaining = mode === "none" ? undefined : options.count;
    this.endpoint = mode === "none" ? undefined : options.endpoint;
  }

  failure(): { mode: FailureMode; remaining?: number; endpoint?: string } {
    return { mode: this.mode, remaining: this.remaining, endpoint: this.endpoint };
  }

  /** The mode that applies to this request (consuming one of `count`), or undefined. */
  takeFailure(path: string, applies: (mode: FailureMode) => boolean): Exclude<FailureMode, "none"> | undefined {
    const mode = this.mode;
    if (mode === "none" || !applies(mode)) return undefined;
    if (this.endpoint && !path.includes(this.endpoint)) return undefined;
    if (this.remaining !== undefined) {
      this.remaining -= 1;
      if (this.remaining <= 0) this.setFailure("none");
    }
    return mode;
  }

  record(entry: RequestLogEntry): void {
    this.quotaUsed += entry.quotaCost;
    this.quotaDayUsed += entry.quotaCost;
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  requests(): RequestLogEntry[] {
    return this.log.map((e) => ({ ...e, query: { ...e.query } }));
  }

  clearRequests(): void {
    this.log = [];
    this.quotaUsed = 0;
  }
}
