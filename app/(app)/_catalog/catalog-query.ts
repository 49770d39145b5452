import { DEFAULT_SORT, FILTER_PARAMS, PER_PAGE_DEFAULT, type CatalogColumn, type CatalogPage, type FilterParam } from "@/lib/catalog/contract";

// Builds the query strings for GET /api/videos and GET /api/export from the page's URL state. Defaults are
// left out and the order is fixed, so the same view always yields the same string (it doubles as a cache key).

export type CatalogQueryState = { [K in FilterParam]: string | null } & { sort: string; page: number; per_page: number };

/** A page of results with the query it answers (the page's rows are recognised by it, e.g. the server's first page). */
export type LoadedPage = { query: string; page: CatalogPage };

/** Filters whose "nothing chosen" value is not empty: `hidden=no` is what the API does without the parameter. */
const FILTER_DEFAULTS: Partial<Record<FilterParam, string>> = { hidden: "no" };

function filterEntries(state: CatalogQueryState): [FilterParam, string][] {
  const entries: [FilterParam, string][] = [];
  for (const key of FILTER_PARAMS) {
    const value = state[key]?.trim();
    if (value && value !== FILTER_DEFAULTS[key]) entries.push([key, value]);
  }
  return entries;
}

/** The filters a person has set (used for "Clear filters" and to tell "no matches" from "no videos yet"). */
export function activeFilters(state: CatalogQueryState): FilterParam[] {
  return filterEntries(state).map(([key]) => key);
}

/** The query for one page of GET /api/videos. */
export function videosQuery(state: CatalogQueryState): string {
  const params = new URLSearchParams(filterEntries(state));
  if (state.sort && state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.per_page !== PER_PAGE_DEFAULT) params.set("per_page", String(state.per_page));
  return params.toString();
}

/** The query for GET /api/export: the same filters and sort, every page, and the columns on screen in order. */
export function exportQuery(state: CatalogQueryState, columns: readonly CatalogColumn[]): string {
  const params = new URLSearchParams(filterEntries(state));
  params.set("sort", state.sort || DEFAULT_SORT);
  params.set("columns", columns.join(","));
  return params.toString();
}

/** The values "Clear filters" sets: every filter back to nothing, first page; sort and page size stay. */
export function clearedFilters(): { [K in FilterParam]: null } & { page: null } {
  const cleared = Object.fromEntries(FILTER_PARAMS.map((key) => [key, null])) as { [K in FilterParam]: null };
  return { ...cleared, page: null };
}
