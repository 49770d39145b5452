import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, FILTER_PARAMS, PER_PAGE_DEFAULT } from "@/lib/catalog/contract";
import { catalogParsers } from "@/app/(app)/_catalog/catalog-params";
import { activeFilters, clearedFilters, exportQuery, videosQuery, type CatalogQueryState } from "@/app/(app)/_catalog/catalog-query";
import { formatSort, isValidSort, parseSort, sortingState } from "@/app/(app)/_catalog/catalog-sort";

// The page's address is parsed by nuqs with the catalog's parsers, exactly as the browser does.
const load = createLoader(catalogParsers);
const fromUrl = (search: string): CatalogQueryState => load(`https://catalog.test/${search}`);

describe("URL state → GET /api/videos query", () => {
  it("sends nothing for the default view", () => {
    const state = fromUrl("");
    expect(state.sort).toBe(DEFAULT_SORT);
    expect(state.page).toBe(1);
    expect(state.per_page).toBe(PER_PAGE_DEFAULT);
    expect(state.hidden).toBe("no");
    expect(videosQuery(state)).toBe("");
    expect(activeFilters(state)).toEqual([]);
  });

  it("keeps every filter, trimmed, in the contract's order, with sort and paging", () => {
    const state = fromUrl(
      "?per_page=50&page=3&sort=views:desc&label=Sample%20Records&search=%20live%20lisbon%20&asset_id=A100&has_asset_id=yes&duration=medium&hidden=all",
    );
    expect(videosQuery(state)).toBe(
      "search=live+lisbon&asset_id=A100&has_asset_id=yes&duration=medium&label=Sample+Records&hidden=all&sort=views%3Adesc&page=3&per_page=50",
    );
    expect(activeFilters(state)).toEqual(["search", "asset_id", "has_asset_id", "duration", "label", "hidden"]);
  });

  it("drops values the API would refuse instead of sending them", () => {
    const state = fromUrl("?sort=views:sideways&page=0&per_page=500&duration=epic&is_short=maybe&hidden=some");
    expect(state.sort).toBe(DEFAULT_SORT);
    expect(state.page).toBe(1);
    expect(state.per_page).toBe(PER_PAGE_DEFAULT);
    expect(state.duration).toBeNull();
    expect(state.is_short).toBeNull();
    expect(state.hidden).toBe("no");
    expect(videosQuery(state)).toBe("");
  });

  it("treats whitespace-only text filters as unset", () => {
    const state = fromUrl("?search=%20%20&channel_search=");
    expect(activeFilters(state)).toEqual([]);
    expect(videosQuery(state)).toBe("");
  });

  it("clears every filter and the page but keeps sort and page size", () => {
    const cleared = clearedFilters();
    expect(Object.keys(cleared).sort()).toEqual([...FILTER_PARAMS, "page"].sort());
    expect(Object.values(cleared).every((v) => v === null)).toBe(true);
    expect(cleared).not.toHaveProperty("sort");
    expect(cleared).not.toHaveProperty("per_page");
  });
});

describe("export query", () => {
  it("has the same filters and sort, no paging, and the columns in order", () => {
    const state = fromUrl("?search=live&page=7&per_page=100&is_short=no");
    expect(exportQuery(state, ["video_id", "title", "views"])).toBe("search=live&is_short=no&sort=updated_at%3Adesc&columns=video_id%2Ctitle%2Cviews");
  });
});

describe("sort parameter", () => {
  it("accepts only field:asc|desc for the sortable fields", () => {
    expect(isValidSort("title:asc")).toBe(true);
    expect(isValidSort("views:desc")).toBe(true);
    expect(isValidSort("views")).toBe(false);
    expect(isValidSort("channel_name:asc")).toBe(false);
    expect(isValidSort("views:desc:extra")).toBe(false);
  });
  it("converts to and from the table's sorting state", () => {
    expect(parseSort("video_length:asc")).toEqual({ field: "video_length", desc: false });
    expect(parseSort("nonsense")).toEqual({ field: "updated_at", desc: true });
    expect(sortingState("title:asc")).toEqual([{ id: "title", desc: false }]);
    expect(formatSort({ field: "time_published", desc: true })).toBe("time_published:desc");
  });
});
