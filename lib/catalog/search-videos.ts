import type { Database } from "@/lib/db/client";
import { getEnv, serviceMode } from "@/lib/env";
import { catalogWhere, hiddenChannelIds } from "./catalog-filters";
import { selectCatalogRows, toCatalogVideo } from "./catalog-rows";
import { orderBy } from "./catalog-sort";
import { countMatches, reconcileWithPage, type CountLimits } from "./catalog-total";
import type { CatalogPage } from "./contract";
import type { CatalogQuery } from "./parse-catalog-query";

/** True when the YouTube Data API is the local sandbox (its data is labelled as such in the catalog). */
export function apiIsSandbox(): boolean {
  return serviceMode(getEnv().YOUTUBE_API_ROOT_URL) === "local";
}

/** One page of the catalog (F10) for the filters and sort of `query`, with the total number of matches. */
export async function searchVideos(
  db: Database,
  query: CatalogQuery,
  options: { apiSandbox?: boolean; countLimits?: CountLimits } = {},
): Promise<CatalogPage> {
  const where = catalogWhere(query, query.hidden === "all" ? [] : await hiddenChannelIds(db));
  const offset = (query.page - 1) * query.per_page;
  const [rows, counted] = await Promise.all([
    selectCatalogRows(db, {
      where,
      orderBy: (alias) => orderBy(query.sort, alias),
      limit: query.per_page,
      offset,
      apiSandbox: options.apiSandbox ?? apiIsSandbox(),
    }),
    countMatches(db, where, options.countLimits),
  ]);
  const count = reconcileWithPage(counted, offset, rows.length, query.per_page);
  return {
    videos: rows.map(toCatalogVideo),
    total: count.total,
    total_is_estimate: count.estimated,
    pages: Math.ceil(count.total / query.per_page),
    current_page: query.page,
    per_page: query.per_page,
  };
}
