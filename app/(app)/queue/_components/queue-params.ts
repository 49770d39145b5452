import { createParser, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { TASK_STATUSES, TASK_TYPES } from "@/lib/enrichment/queue-contract";

// The Queue page's URL state, named as GET /api/queue names its parameters, so the address is the API query.
// From "nuqs/server" because the server loader reads the same parsers.

export const QUEUE_PER_PAGE = 25;

const page = createParser({
  parse: (value: string) => {
    const n = /^\d{1,6}$/.test(value) ? Number(value) : 0;
    return n >= 1 && n <= 100_000 ? n : null;
  },
  serialize: (value: number) => String(value),
});

export const queueParsers = {
  status: parseAsStringLiteral(TASK_STATUSES),
  task_type: parseAsStringLiteral(TASK_TYPES),
  search: parseAsString.withDefault(""),
  page: page.withDefault(1),
};

export type QueueUrlState = inferParserType<typeof queueParsers>;

/** The API query for a view (without defaults, so equal views give equal strings). */
export function queueQuery(state: QueueUrlState): string {
  const params = new URLSearchParams();
  if (state.status) params.set("status", state.status);
  if (state.task_type) params.set("task_type", state.task_type);
  if (state.search.trim()) params.set("search", state.search.trim());
  if (state.page > 1) params.set("page", String(state.page));
  params.set("per_page", String(QUEUE_PER_PAGE));
  return params.toString();
}
