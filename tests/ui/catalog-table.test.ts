import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import type { CatalogVideo } from "@/lib/catalog/contract";

// The table rendered to HTML as the server renders it: headers, sort state, cells and badges.
// Vitest compiles JSX with the classic runtime (tsconfig leaves JSX to Next), so React must be in scope globally
// before the components load; they are imported after this line for that reason.
(globalThis as { React?: unknown }).React = React;
const { CatalogTable } = await import("@/app/(app)/_catalog/catalog-table");

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} };

const video = (over: Partial<CatalogVideo>): CatalogVideo => ({
  video_id: "abcDEF12345", title: "Live in Lisbon", channel_id: "UC1", channel_name: "Sample Music", asset_id: "A100",
  custom_id: null, upc: null, isrc: null, artist: null, genre: null, label: null, category: null,
  claimed_status: "claimed", effective_policy: "Monetize", is_short: true, short_rule: "duration_180s", video_length: 45,
  views: 1234567, privacy_status: "public", time_published: null, updated_at: "2025-06-01T10:00:00.000Z", hidden: false,
  administered: false, notes: null, last_synced: null, last_changes: null, last_source: null, sandbox: false, ...over,
});

function render(props: Partial<Parameters<typeof CatalogTable>[0]> = {}) {
  const table = createElement(CatalogTable, {
    videos: [video({}), video({ video_id: "zzz", title: "Hidden one", hidden: true, sandbox: true, claimed_status: null, is_short: false, effective_policy: "Block" })],
    dataKey: "q",
    pages: 3,
    pagesAreEstimate: false,
    page: 1,
    perPage: 20,
    sort: "views:desc",
    visible: ["video_id", "title", "claimed_status", "effective_policy", "is_short", "views"],
    refreshing: false,
    onSort: () => {},
    onPage: () => {},
    onPerPage: () => {},
    ...props,
  });
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, table));
}

describe("catalog table", () => {
  it("shows the chosen columns with the sorted one marked for assistive technology", () => {
    const html = render();
    expect(html).toContain('aria-label="Videos"');
    const headers = [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[0]);
    expect(headers).toHaveLength(6);
    expect(headers.filter((h) => h.includes("aria-sort"))).toEqual([expect.stringContaining('aria-sort="descending"')]);
    expect(headers.find((h) => h.includes("aria-sort"))).toContain("Views");
    // Title is sortable (a button), Claimed is not.
    expect(headers.find((h) => h.includes("Title"))).toContain("<button");
    expect(headers.find((h) => h.includes("Claimed"))).not.toContain("<button");
  });

  it("renders ids as links, numbers formatted, and status badges with their reasons", () => {
    const html = render();
    expect(html).toContain('href="/videos/abcDEF12345"');
    expect(html).toContain("1,234,567");
    expect(html).toContain("Short: 180 s or shorter, published from 2024-10-15");
    expect(html).toContain(">Hidden<");
    expect(html).toContain(">Sandbox<");
    expect(html).toContain("Not claimed");
    // One tab stop: only the first row is in the tab order.
    expect([...html.matchAll(/<tr tabindex="(-?\d)"/g)].map((m) => m[1])).toEqual(["0", "-1"]);
  });

  it("shows skeleton rows before the first page arrives, and the page count", () => {
    const html = render({ videos: null });
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("animate-pulse");
    expect(render({ pages: 61_729, pagesAreEstimate: true, page: 3 })).toContain("Page 3 of about 61.7K");
  });
});
