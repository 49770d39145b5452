import { badRequest, notFound, type GoogleError } from "./google-errors";
import { fakeAdvertisingOptions, fakeVideo, VIDEO_PARTS, videoExists } from "./fake-videos";
import {
  assetExists,
  claimIdsForAsset,
  claimIdsForVideo,
  claimSnippet,
  fakeAsset,
  fakeClaim,
} from "./fake-partner";
import { groupByCanonical, mergedInto } from "./merged-assets";
import { isGoogleError, pageOf } from "./paging";
import { thirdPartyClaimIdsForVideo } from "./third-party-claims";

// Route table for the API surface (Data API v3 videos + the Content ID GETs we use). Returns a JSON body or a
// Google error; auth, failure injection and logging are the server's job.

export type RouteResult = { status: number; body: unknown } | GoogleError;
export interface Route {
  quotaCost: number;
  handle: () => RouteResult;
}

export const MAX_VIDEO_IDS = 50;
const PARTNER = "/youtube/partner/v1";

/** googleapis sends arrays as repeated keys, callers also send "a,b" — accept both. */
export function multi(query: URLSearchParams, key: string): string[] {
  return query
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });

export interface RouteOptions {
  /** Items per page of the Content ID lists (claims.list, claimSearch). */
  pageSize: number;
}

export function matchRoute(method: string, path: string, query: URLSearchParams, { pageSize }: RouteOptions): Route | undefined {
  if (method !== "GET") return undefined;
  if (path === "/youtube/v3/videos") return { quotaCost: 1, handle: () => listVideos(query) };
  if (!path.startsWith(`${PARTNER}/`)) return undefined;
  const segments = path.slice(PARTNER.length + 1).split("/").map(decodeURIComponent);
  const [collection, id, extra] = segments;
  // Content ID quota is not published; log 0 so Data API budgets are not skewed by partner calls.
  const route = (handle: () => RouteResult): Route => ({ quotaCost: 0, handle });
  const owner = query.get("onBehalfOfContentOwner") ?? "sandbox-content-owner";
  const fetch = { metadata: multi(query, "fetchMetadata"), ownership: multi(query, "fetchOwnership"), owner };
  if (collection === "assets" && segments.length === 1) {
    return route(() => {
      const ids = multi(query, "id");
      if (ids.length === 0) return badRequest("global", "required", "Required parameter: id");
      // Several ids of one merged asset come back as that asset once, naming them in aliasId[].
      const items = [...groupByCanonical(ids)].map(([canonical, aliases]) => fakeAsset(canonical, fetch, aliases));
      return ok({ kind: "youtubePartner#assetList", items });
    });
  }
  // An alias id answers with the asset it was merged into.
  const canonical = collection === "assets" && id ? mergedInto(id) : undefined;
  const asked = (assetFetch: typeof fetch) => fakeAsset(canonical ?? id, assetFetch, canonical ? [id] : []);
  if (collection === "assets" && id && !extra) {
    return route(() => (assetExists(id) ? ok(asked(fetch)) : notFound(`Asset ${id}`)));
  }
  if (collection === "assets" && id && extra === "ownership" && segments.length === 3) {
    return route(() => (assetExists(id) ? ok(asked({ ...fetch, ownership: ["mine"] }).ownership) : notFound(`Asset ${id}`)));
  }
  if (collection === "claims" && segments.length === 1) {
    return route(() => claimList("youtubePartner#claimList", query, ownClaimIds(query), pageSize, (c) => fakeClaim(c)));
  }
  if (collection === "claims" && id && segments.length === 2) {
    return route(() => {
      const claim = fakeClaim(id);
      return claim ? ok(claim) : notFound(`Claim ${id}`);
    });
  }
  if (collection === "claimSearch" && segments.length === 1) {
    return route(() => claimList("youtubePartner#claimSnippetList", query, searchedClaimIds(query), pageSize, claimSnippet));
  }
  if (collection === "videoAdvertisingOptions" && id && segments.length === 2) {
    return route(() => (videoExists(id) ? ok(fakeAdvertisingOptions(id)) : notFound(`Video ${id}`)));
  }
  return undefined;
}

function listVideos(query: URLSearchParams): RouteResult {
  const parts = multi(query, "part");
  if (parts.length === 0) return badRequest("global", "required", "Required parameter: part");
  const unknown = parts.filter((p) => p !== "id" && !(VIDEO_PARTS as readonly string[]).includes(p));
  if (unknown.length) return badRequest("youtube.part", "unknownPart", `'${unknown[0]}'`);
  const ids = multi(query, "id");
  if (ids.length === 0) return badRequest("youtube.parameter", "missingRequiredParameter", "No filter selected. Expected one of: id, chart, myRating.");
  if (ids.length > MAX_VIDEO_IDS) {
    return badRequest("youtube.parameter", "invalidFilters", `The request specifies more than ${MAX_VIDEO_IDS} video ids.`);
  }
  const wanted = new Set(parts);
  const items = ids.filter(videoExists).map((v) => fakeVideo(v, wanted));
  return ok({
    kind: "youtube#videoListResponse",
    etag: `sandbox-etag-list-${items.length}`,
    items,
    pageInfo: { totalResults: items.length, resultsPerPage: items.length },
  });
}

/** Our claims the filters name, grouped by video in request order (so one video's claims can straddle a page). */
function ownClaimIds(query: URLSearchParams): string[] {
  const ids = [
    ...multi(query, "id"),
    ...multi(query, "videoId").flatMap(claimIdsForVideo),
    ...multi(query, "assetId").flatMap(claimIdsForAsset),
  ];
  return [...new Set(ids)].filter((c) => fakeClaim(c));
}

/** claimSearch adds other owners' claims on the videos asked about, only when asked to (includeThirdPartyClaims). */
function searchedClaimIds(query: URLSearchParams): string[] {
  if (query.get("includeThirdPartyClaims") !== "true") return ownClaimIds(query);
  const byVideo = multi(query, "videoId").flatMap((v) => [...claimIdsForVideo(v), ...thirdPartyClaimIdsForVideo(v)]);
  return [...new Set([...byVideo, ...ownClaimIds(query)])];
}

function claimList(kind: string, query: URLSearchParams, ids: string[], pageSize: number, render: (claimId: string) => unknown): RouteResult {
  const page = pageOf(ids, query, pageSize);
  if (isGoogleError(page)) return page;
  return ok({ kind, ...page, items: page.items.map(render) });
}
