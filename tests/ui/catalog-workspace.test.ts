import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { withNuqsTestingAdapter } from "nuqs/adapters/testing";
import { describe, expect, it } from "vitest";
import type { CatalogPage, CatalogVideo } from "@/lib/catalog/contract";
import type { LoadedPage } from "@/app/(app)/_catalog/catalog-query";

// The whole catalog view rendered as the server sends it (URL state from the address, the server's first
// page): what a person, and the browser test, find on the page in each state.
// Vitest compiles JSX with the classic runtime, so React must be global before the components load.
(globalThis as { React?: unknown }).React = React;
const { CatalogWorkspace } = await import("@/app/(app)/_catalog/catalog-workspace");

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} };

const video: CatalogVideo = {
  video_id: "abcDEF12345", title: "Live in Lisbon", channel_id: "UC1", channel_name: "Sample Music", asset_id: "A100",
  custom_id: null, upc: null, isrc: null, artist: null, genre: null, label: null, category: null,
  claimed_status: "claimed", effective_policy: "Monetize", is_short: false, short_rule: "duration_180s", video_length: 245,
  views: 10, privacy_status: "public", time_published: null, updated_at: "2025-06-01T10:00:00.000Z", hidden: false,
  administered: false, notes: null, last_synced: null, last_changes: null, last_source: null, sandbox: false,
};
const pageOf = (videos: CatalogVideo[], total: number, estimate = false): CatalogPage => ({
  videos, total, total_is_estimate: estimate, pages: Math.ceil(total / 20), current_page: 1, per_page: 20,
});

function render(address: string, initial: LoadedPage | null): string {
  const view = createElement(CatalogWorkspace, { realtime: null, initial });
  const withUrl = createElement(withNuqsTestingAdapter({ searchParams: address }), null, view);
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, withUrl));
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const totalText = (html: string) => /data-testid="catalog-total"[^>]*>([^<]*)</.exec(html)?.[1];

describe("catalog workspace", () => {
  it("renders the server's page with the controls the browser test uses", () => {
    const html = render("?asset_id=A100", { query: "asset_id=A100", page: pageOf([video], 1) });
    expect(totalText(html)).toBe("1 video");
    expect(html).toContain('aria-label="Videos"');
    expect(html).toMatch(/<label[^>]*>Search titles<\/label>/);
    expect(html).toMatch(/<label[^>]*>Asset ID<\/label><input[^>]*value="A100"/);
    expect(text(html)).toContain(" Export ");
    expect(html).toContain('href="/videos/abcDEF12345"');
    expect(text(html)).toContain("Keyboard:");
  });

  it("says 'about' when the total is an estimate", () => {
    const html = render("", { query: "", page: pageOf([video], 1_234_567, true) });
    expect(totalText(html)).toBe("about 1.2M videos");
  });

  it("tells an empty catalog from filters without matches", () => {
    const empty = render("", { query: "", page: pageOf([], 0) });
    expect(text(empty)).toContain("No videos yet");
    expect(empty).toContain('href="/reports"');
    const none = render("?search=zzz", { query: "search=zzz", page: pageOf([], 0) });
    expect(text(none)).toContain("No videos match these filters");
    expect(text(none)).not.toContain("No videos yet");
  });

  it("dims the previous view's rows and hides its count while a new view loads", () => {
    const html = render("?search=love", { query: "", page: pageOf([video], 1) });
    expect(totalText(html)).toBe("Searching…");
    expect(html).toContain('aria-busy="true"');
    expect(html).toMatch(/<tbody class="[^"]*opacity-50/);
  });

  it("shows skeleton rows before any page has arrived", () => {
    const html = render("?search=love", null);
    expect(totalText(html)).toBe("Searching…");
    expect(html).toContain("animate-pulse");
    expect(html).not.toContain("/videos/");
  });
});
