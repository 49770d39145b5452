"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { queueParsers, queueQuery, type QueueUrlState } from "./queue-params";

/** The Queue page's filters and page in the URL: shareable, and the back button steps through views. */
export function useQueueState() {
  const [state, setState] = useQueryStates(queueParsers, { history: "push", clearOnDefault: true, scroll: false });
  /** A filter change returns to page 1. */
  const setFilter = useCallback(
    <K extends "status" | "task_type" | "search">(key: K, value: QueueUrlState[K] | null) =>
      void setState({ [key]: value || null, page: null } as Parameters<typeof setState>[0]),
    [setState],
  );
  const setPage = useCallback((page: number) => void setState({ page }), [setState]);
  const clear = useCallback(() => void setState({ status: null, task_type: null, search: null, page: null }), [setState]);
  const query = useMemo(() => queueQuery(state), [state]);
  const filtered = Boolean(state.status || state.task_type || state.search);
  return { state, query, filtered, setFilter, setPage, clear };
}
