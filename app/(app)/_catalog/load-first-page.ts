import "server-only";
import { createLoader } from "nuqs/server";
import { catalogQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { searchVideos } from "@/lib/catalog/search-videos";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse";
import { catalogParsers } from "./catalog-params";
import { videosQuery, type LoadedPage } from "./catalog-query";

type SearchParams = Record<string, string | string[] | undefined>;

const loadUrlState = createLoader(catalogParsers);

/**
 * The first page for the server render, so the catalog appears without a loading step. The address goes
 * through the same parsers as in the browser and the same validation as GET /api/videos, so the rows are
 * exactly what the browser would have fetched (and are recognised by their query, so it does not fetch again).
 * Null when the browser should ask the API itself: a parameter the API refuses (its 400 message is then shown
 * with the page) or a failing database (shown as an error with a retry, not as a broken page).
 */
export async function loadFirstPage(searchParams: SearchParams): Promise<LoadedPage | null> {
  const query = videosQuery(loadUrlState(searchParams));
  let parsed;
  try {
    parsed = parseQuery(new Request(`http://catalog.invalid/api/videos?${query}`), catalogQuerySchema);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  try {
    return { query, page: await searchVideos(await getDb(), parsed) };
  } catch (error) {
    console.error("catalog: first page failed; the browser will retry through /api/videos", error);
    return null;
  }
}
