"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import type { FilterParam } from "@/lib/catalog/contract";
import { catalogParsers } from "./catalog-params";
import { activeFilters, clearedFilters, videosQuery } from "./catalog-query";

/**
 * The catalog's view (filters, sort, page) lives in the URL: every change is a history entry, so the back
 * button steps through views and a copied address opens the same view. Shallow updates: the page's client
 * code fetches /api/videos itself; no server round trip for the page.
 */
export function useCatalogState() {
  const [state, setState] = useQueryStates(catalogParsers, { history: "push", clearOnDefault: true, scroll: false });

  /** A filter change always returns to page 1: page 40 of the old result means nothing for the new one. */
  const setFilter = useCallback(
    (key: FilterParam, value: string | null) => {
      const next = value?.trim() ? value : null;
      void setState({ [key]: next, page: null } as Parameters<typeof setState>[0]);
    },
    [setState],
  );
  const clearFilters = useCallback(() => void setState(clearedFilters()), [setState]);
  const setSort = useCallback((sort: string) => void setState({ sort, page: null }), [setState]);
  const setPage = useCallback((page: number) => void setState({ page }), [setState]);
  const setPerPage = useCallback((per_page: number) => void setState({ per_page, page: null }), [setState]);

  const query = useMemo(() => videosQuery(state), [state]);
  const active = useMemo(() => activeFilters(state), [state]);
  return { state, query, active, setFilter, clearFilters, setSort, setPage, setPerPage };
}
