import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getTask } from "./queue-queries";
import type { QueueTaskView } from "./queue-contract";

// A person's actions on queued work: retry failed tasks, change a task's priority. Each is one statement whose
// WHERE states when it is allowed, so two people clicking at once cannot both win.

type Db = Pick<Database, "execute">;

// Back to a fresh pending task: no error, no backoff, and a retry count from zero (the drain gives up after a few
// retries, and a person's retry deserves the full number again). The last result stays until the next run.
const RESET_TO_PENDING = sql`status = 'pending', error_message = NULL, run_after = NULL, retry_count = 0, started_at = NULL, completed_at = NULL, updated_at = now()`;

/** An open task of the same kind for the same video: retrying would break "one open task per kind and video". */
const OPEN_TWIN = sql`
  f.video_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM processing_queue o WHERE o.task_type = f.task_type AND o.video_id = f.video_id AND o.status IN ('pending', 'processing') AND o.id <> f.id)`;

/** Retries one failed task; 404 if unknown, 409 if it is not failed or an open twin already does the same work. */
export async function retryTask(db: Db, id: number): Promise<QueueTaskView> {
  const updated = await db.execute(sql`
UPDATE processing_queue f SET ${RESET_TO_PENDING}
WHERE f.id = ${id} AND f.status = 'failed' AND NOT (${OPEN_TWIN})
RETURNING f.id`);
  if (updated.rows.length > 0) return getTask(db, id);
  const task = await getTask(db, id);
  if (task.status !== "failed") throw new AppError("conflict", `Task ${id} is ${task.status}; only failed tasks can be retried.`);
  throw new AppError("conflict", `Task ${id} was not retried: another open ${task.task_type} task for video ${task.video_id} already does this work.`);
}

/**
 * Retries every failed task. Where several failed tasks (or an open one) cover the same kind and video, only the
 * newest failed one goes back to pending, so the unique open-task index holds.
 */
export async function retryFailed(db: Db): Promise<{ retried: number }> {
  const result = await db.execute(sql`
WITH pick AS (
  SELECT DISTINCT ON (f.task_type, coalesce(f.video_id, f.id::text)) f.id
  FROM processing_queue f
  WHERE f.status = 'failed' AND NOT (${OPEN_TWIN})
  ORDER BY f.task_type, coalesce(f.video_id, f.id::text), f.id DESC
)
UPDATE processing_queue SET ${RESET_TO_PENDING} WHERE id IN (SELECT id FROM pick) AND status = 'failed'
RETURNING id`);
  return { retried: result.rows.length };
}

/** Sets a pending (or failed, to take effect on retry) task's priority; running and finished work cannot change. */
export async function setTaskPriority(db: Db, id: number, priority: number): Promise<QueueTaskView> {
  const updated = await db.execute(sql`
UPDATE processing_queue SET priority = ${priority}, updated_at = now() WHERE id = ${id} AND status IN ('pending', 'failed') RETURNING id`);
  const task = await getTask(db, id);
  if (updated.rows.length === 0) {
    throw new AppError("conflict", `Task ${id} is ${task.status}; only pending or failed tasks can change priority.`);
  }
  return task;
}
