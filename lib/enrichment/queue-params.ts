import { z } from "zod";
import { pageParams } from "@/lib/admin/pagination";
import { PRIORITY_MAX, PRIORITY_MIN, TASK_STATUSES, TASK_TYPES } from "./queue-contract";
import type { TaskFilters } from "./queue-queries";

// Query and body schemas of the queue routes, shared with the Queue page's loader so both read a URL the same way.

export const ID_SEARCH = /^[A-Za-z0-9_-]*$/;

export const queueListQuery = z
  .object({
    ...pageParams,
    status: z.enum(TASK_STATUSES).optional(),
    task_type: z.enum(TASK_TYPES).optional(),
    // Ids only (video, asset or task id): the search matches exactly, inside each task's list of ids.
    search: z.string().trim().max(64).regex(ID_SEARCH, "must be a video id, an asset id or a task id").optional(),
  })
  .strict();

export type QueueListQuery = z.infer<typeof queueListQuery>;

export function toTaskFilters(q: QueueListQuery): TaskFilters {
  return { status: q.status, taskType: q.task_type, search: q.search || undefined, page: q.page, perPage: q.per_page };
}

export const priorityValue = z.number().int().min(PRIORITY_MIN).max(PRIORITY_MAX);

export const plannerQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
