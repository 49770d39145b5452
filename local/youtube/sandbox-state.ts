import { FAILURE_MODES, type FailureMode } from "./google-errors";

// Mutable sandbox state: the active failure mode and the request log. Kept apart from the HTTP plumbing so the
// rules ("count" failures then recover; endpoint filter) are easy to read in one place.

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
}

const LOG_LIMIT = 1000;

export class SandboxState {
  private mode: FailureMode = "none";
  private remaining: number | undefined;
  private endpoint: string | undefined;
  private log: RequestLogEntry[] = [];
  quotaUsed = 0;

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
