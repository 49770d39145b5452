import { z } from "zod";
import { hasControlCharacters } from "@/lib/http/parse";

// Paging parameters shared by the admin lists (API query strings and page search params alike).

export const ADMIN_PER_PAGE_DEFAULT = 25;
export const ADMIN_PER_PAGE_MAX = 100;
// Deep enough for any list an admin pages through by hand; stops absurd offsets from reaching the database.
const PAGE_MAX = 100_000;

export const pageParams = {
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  per_page: z.coerce.number().int().min(1).max(ADMIN_PER_PAGE_MAX).default(ADMIN_PER_PAGE_DEFAULT),
};

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** `%term%` for ILIKE with the term's own `%`, `_` and `\` matched literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Page, page size and search term of an admin list page's URL. A hand-edited or stale URL falls back to the
 * defaults instead of failing the page; the JSON API is the strict one.
 */
export function listParamsFromUrl(params: SearchParams, perPage = ADMIN_PER_PAGE_DEFAULT) {
  const one = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const page = pageParams.page.catch(1).parse(one("page"));
  const search = z.string().trim().max(200).catch("").parse(one("search") ?? "");
  return { page, perPage, search: hasControlCharacters(search) ? "" : search };
}
