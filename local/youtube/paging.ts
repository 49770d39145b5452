import { badRequest, type GoogleError } from "./google-errors";
import { hashId } from "./seeded";

// Content ID list paging: a page of `pageSize` items, nextPageToken/previousPageToken and pageInfo
// {totalResults, resultsPerPage, startIndex}. A token carries its start index and a fingerprint of the query it
// belongs to, so a token replayed with other filters is refused (400 invalidPageToken), as Google refuses it, instead
// of silently paging through a different result set.

export const DEFAULT_PAGE_SIZE = 25;

export type Page<T> = {
  items: T[];
  nextPageToken?: string;
  previousPageToken?: string;
  pageInfo: { totalResults: number; resultsPerPage: number; startIndex: number };
};

/** Everything that selects the result set; the page token itself and the JSON/tracing extras do not. */
function fingerprint(query: URLSearchParams): number {
  const entries = [...query.entries()].filter(([key]) => key !== "pageToken" && key !== "alt" && key !== "prettyPrint");
  entries.sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
  return hashId(JSON.stringify(entries));
}

const encode = (start: number, query: URLSearchParams) => Buffer.from(`${start}:${fingerprint(query)}`).toString("base64url");

function startOf(token: string, query: URLSearchParams, total: number): number | undefined {
  const match = /^(\d+):(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match || Number(match[2]) !== fingerprint(query)) return undefined;
  const start = Number(match[1]);
  // previousPageToken of the second page names start 0, which is valid even for an empty result.
  return start < Math.max(total, 1) ? start : undefined;
}

/** The page `query.pageToken` names (the first without one), or Google's 400 for a token it did not hand out. */
export function pageOf<T>(all: readonly T[], query: URLSearchParams, pageSize: number): Page<T> | GoogleError {
  const token = query.get("pageToken");
  const start = token ? startOf(token, query, all.length) : 0;
  if (start === undefined) return badRequest("youtube.parameter", "invalidPageToken", "The request specifies an invalid page token.");
  const end = start + pageSize;
  return {
    items: all.slice(start, end),
    ...(end < all.length ? { nextPageToken: encode(end, query) } : {}),
    ...(start > 0 ? { previousPageToken: encode(Math.max(0, start - pageSize), query) } : {}),
    pageInfo: { totalResults: all.length, resultsPerPage: pageSize, startIndex: start },
  };
}

export function isGoogleError(value: unknown): value is GoogleError {
  return typeof value === "object" && value !== null && "body" in value && "status" in value;
}
