import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { withNuqsTestingAdapter } from "nuqs/adapters/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { metadataSyncs, videos } from "@/lib/db/schema";
import { reserveRequest } from "@/lib/enrichment/quota-ledger";
import { getVideoDetail } from "@/lib/videos/get-video";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { clearQueueData, seedBacklog, seedTask, seedVideo } from "../enrichment/requests-seed";

// The Queue page and the video page's sync parts, rendered from real data as the server sends them: what a person
// (and the browser test) finds in each state. The data comes from the page's own loader on a real database.
// Vitest compiles JSX with the classic runtime, so React must be global before the components load.
(globalThis as { React?: unknown }).React = React;
const { QueueWorkspace } = await import("@/app/(app)/queue/_components/queue-workspace");
const { loadQueue } = await import("@/app/(app)/queue/_components/load-queue");
const { VideoView } = await import("@/app/(app)/videos/_components/video-view");
const { default: QueuePage } = await import("@/app/(app)/queue/page");

let tdb: TestDatabase;
const db = () => tdb.db;
const VIDEO = "dQw4w9WgXcQ";

beforeAll(async () => {
  tdb = await createTestDatabase({ install: true });
});
afterAll(() => tdb.drop());
beforeEach(() => clearQueueData(db()));

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} };
const inApp = (element: React.ReactElement, address = "") =>
  renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(withNuqsTestingAdapter({ searchParams: address }), null, element)));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const testId = (html: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

async function renderQueue(address: string, o: { isAdmin?: boolean; sandbox?: boolean } = {}) {
  const { list, plan } = await loadQueue(Object.fromEntries(new URLSearchParams(address)));
  return inApp(createElement(QueueWorkspace, { realtime: null, initialList: list, initialPlan: plan, isAdmin: o.isAdmin ?? false, sandbox: o.sandbox ?? false }), address);
}

describe("the Queue page", () => {
  it("checks the session first: without one it redirects to sign-in", async () => {
    const error = await QueuePage({ searchParams: Promise.resolve({}) }).catch((e: unknown) => e);
    expect(String((error as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*;\/sign-in;/);
  });

  it("explains where work comes from when there is none", async () => {
    const html = await renderQueue("");
    expect(text(html)).toContain("The queue is empty");
    expect(html).toContain('href="/reports"');
    expect(testId(html, "queue-count-pending")).toBe("0");
  });

  it("shows counts, the quota meter with the Pacific reset, the planner and each task with its result and error", async () => {
    await seedTask(db(), { taskType: "metadata_sync", itemIds: [VIDEO, "Qq-Ww_Ee1Rr"], status: "completed", result: { items: { [VIDEO]: { status: "updated" }, "Qq-Ww_Ee1Rr": { status: "not_found" } }, requests: 1, sandbox: true } });
    const failed = await seedTask(db(), { taskType: "ownership_update", videoId: VIDEO, status: "failed", errorMessage: "Google refused the token" });
    await seedTask(db(), { taskType: "monetization_sync", itemIds: ["a", "b", "c"], priority: 7, orderViews: 900 });
    await seedBacklog(db(), { first: 1, count: 120 });
    await reserveRequest(db(), { endpoint: "videos.list", budget: 9500, now: new Date(), minSpacingMs: 0 });

    const html = await renderQueue("", { isAdmin: true, sandbox: true });
    const t = text(html);
    expect([testId(html, "queue-count-pending"), testId(html, "queue-count-completed"), testId(html, "queue-count-failed"), testId(html, "queue-count-backlog")]).toEqual(["1", "1", "1", "120"]);
    expect(t).toContain("Sandbox");
    expect(html).toMatch(/role="meter"[^>]*aria-valuenow="1"/);
    expect(t).toMatch(/midnight Pacific/);
    expect(t).toMatch(/\b(PST|PDT)\b/);
    // Planner: 120 assets + 3 + 1 ids waiting; 3 monetization requests and 3 assets.list requests.
    expect(testId(html, "planner-backlog")).toBe("123 ids");
    expect(t).toContain("Monetization 3");
    expect(t).toContain("Asset enrichment 3");
    expect(testId(html, "planner-days")).toBe("today");
    expect(html).toContain('aria-label="Upcoming work"');
    // The task list: the failed task's error and a Retry button; the batch's per-item outcomes; admin actions.
    expect(html).toContain(`data-testid="queue-task-${failed}"`);
    expect(t).toContain("Google refused the token");
    expect(t).toContain("1 updated · 1 not found");
    expect(t).toMatch(/Retry all 1 failed/);
    expect(t).toContain("Bulk sync (admin)");
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it("leaves admin controls out for a plain user and says when filters match nothing", async () => {
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["x"], status: "failed" });
    const html = await renderQueue("?status=completed");
    expect(text(html)).toContain("No tasks match these filters");
    expect(text(html)).not.toContain("Bulk sync");
    expect(text(html)).not.toContain("Retry all");
    expect(html).toMatch(/<select[^>]*>.*<option value="completed" selected=""/s);
  });

  it("leaves a URL the API refuses to the browser instead of failing the page", async () => {
    const { list, plan } = await loadQueue({ search: "not an id!" });
    expect(list).toBeNull();
    expect(plan).toBeNull();
  });
});

describe("the video page's sync parts", () => {
  it("offers Sync now, says when YouTube last answered, and marks sandbox API changes with their endpoint", async () => {
    await seedVideo(db(), VIDEO, { views: 3 });
    const syncedAt = new Date("2026-05-01T12:00:00Z");
    await db().update(videos).set({ apiSyncedAt: syncedAt });
    await db().insert(metadataSyncs).values([
      { videoId: VIDEO, sourceKind: "api", sourceId: "videos.list", changes: { title: ["Old", "New"] }, sandbox: true, taskId: 41 },
      { videoId: VIDEO, sourceKind: "api", sourceId: "claimSearch.list", changes: { claimed_status: [null, "claimed"] }, sandbox: false, taskId: 42 },
    ]);
    const detail = await getVideoDetail(db(), VIDEO);
    const html = inApp(createElement(VideoView, { detail, user: { role: "user" }, realtime: null }));
    const t = text(html);
    expect(html).toMatch(/<button[^>]*>Sync now<\/button>/);
    expect(t).toContain("Last synced from YouTube");
    expect(html).toMatch(/data-testid="api-synced-at"><time dateTime="2026-05-01T12:00:00.000Z"/);
    const history = /<ol aria-label="History"[\s\S]*<\/ol>/.exec(html)![0];
    expect(text(history)).toMatch(/API call videos\.list \( task 41 \) sandbox/);
    expect(text(history)).toMatch(/API call claimSearch\.list \( task 42 \)(?! sandbox)/);
    expect(history).toContain('href="/queue?search=41"');
  });
});
