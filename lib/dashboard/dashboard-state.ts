import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ReportProgress } from "@/lib/db/schema/reports";
import { queueCounts } from "@/lib/enrichment/queue-queries";
import { quotaUsage } from "@/lib/enrichment/quota-ledger";
import type { DashboardError, DashboardImport, DashboardState } from "@/lib/realtime/channels";

// The wall dashboard's whole picture in one snapshot, read from the database each time it is published, so a
// screen that subscribes late (or reconnects) needs nothing but the last event on the cache channel.

const MAX_IMPORTS = 10;
const MAX_ERRORS = 10;
const MAX_MESSAGE_CHARS = 300;
const MAX_FILENAME_CHARS = 120;
/** Pusher refuses events over 10 KB; a snapshot stays under this, dropping the oldest errors first if it must. */
export const MAX_SNAPSHOT_BYTES = 9_000;

type Db = Pick<Database, "execute">;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string).toISOString());

async function runningImports(db: Db): Promise<DashboardImport[]> {
  const result = await db.execute(sql`
SELECT id, filename, status, progress, started_at FROM reports
WHERE status IN ('pending', 'processing')
ORDER BY created_at, id
LIMIT ${MAX_IMPORTS}`);
  return (result.rows as Array<{ id: number; filename: string; status: "pending" | "processing"; progress: ReportProgress | null; started_at: unknown }>).map((r) => ({
    report_id: Number(r.id),
    filename: clip(r.filename, MAX_FILENAME_CHARS),
    status: r.status,
    phase: r.progress?.phase ?? null,
    percentage: Math.max(0, Math.min(100, Number(r.progress?.percentage ?? 0))),
    processed_rows: Number(r.progress?.processed_rows ?? 0),
    total_rows: Number(r.progress?.total_rows ?? 0),
    started_at: iso(r.started_at),
  }));
}

/** The newest failed queue tasks and failed imports, merged by time. */
async function lastErrors(db: Db): Promise<DashboardError[]> {
  const result = await db.execute(sql`
(SELECT coalesce(completed_at, updated_at) AS at, task_type AS kind, coalesce(error_message, 'Failed without a message.') AS message, id AS task_id, NULL::int AS report_id
   FROM processing_queue WHERE status = 'failed' ORDER BY coalesce(completed_at, updated_at) DESC, id DESC LIMIT ${MAX_ERRORS})
UNION ALL
(SELECT coalesce(finished_at, created_at), 'import', coalesce(error, 'Failed without a message.'), NULL::int, id
   FROM reports WHERE status = 'error' ORDER BY coalesce(finished_at, created_at) DESC, id DESC LIMIT ${MAX_ERRORS})
ORDER BY at DESC
LIMIT ${MAX_ERRORS}`);
  return (result.rows as Array<{ at: unknown; kind: string; message: string; task_id: number | null; report_id: number | null }>).map((r) => ({
    at: iso(r.at)!,
    kind: r.kind,
    message: clip(r.message, MAX_MESSAGE_CHARS),
    task_id: r.task_id == null ? null : Number(r.task_id),
    report_id: r.report_id == null ? null : Number(r.report_id),
  }));
}

/** Builds the `dashboard_state` payload (docs/realtime.md). */
export async function buildDashboardState(db: Db, options: { now: Date; budget: number }): Promise<DashboardState> {
  const [imports, counts, quota, errors] = await Promise.all([runningImports(db), queueCounts(db), quotaUsage(db, options), lastErrors(db)]);
  const { backlog_assets, ...queue_length } = counts;
  return fitToEventLimit({
    at: options.now.toISOString(),
    imports,
    queue_length,
    backlog_assets,
    quota: { used: quota.used, budget: quota.budget, reset_at: quota.resetAt, exhausted: quota.exhausted },
    last_errors: errors,
  });
}

function fitToEventLimit(state: DashboardState): DashboardState {
  const fitted = { ...state, last_errors: [...state.last_errors], imports: [...state.imports] };
  const size = () => Buffer.byteLength(JSON.stringify(fitted));
  while (size() > MAX_SNAPSHOT_BYTES && fitted.last_errors.length > 0) fitted.last_errors.pop();
  while (size() > MAX_SNAPSHOT_BYTES && fitted.imports.length > 0) fitted.imports.pop();
  return fitted;
}
