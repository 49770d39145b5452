import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metadataSyncs } from "@/lib/db/schema";
import { getVideoDetail } from "@/lib/videos/get-video";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, type TestUser } from "../helpers/session";
import { clearCatalog, seedReport, seedVideo, VIDEO_ID } from "./seed-video";

// The video page's markup from real data: what a person (and the browser test) finds on it.
// Vitest compiles JSX with the classic runtime (tsconfig leaves JSX to Next), so React must be in scope globally
// before the components load; they are imported after this line for that reason.
(globalThis as { React?: unknown }).React = React;
const { VideoView } = await import("@/app/(app)/videos/_components/video-view");
const { default: VideoPage } = await import("@/app/(app)/videos/[videoId]/page");

let tdb: TestDatabase;
let user: TestUser;
let reportId: number;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await clearCatalog(tdb.db);
  user = await createTestUser(tdb.db, { email: "page@example.test", name: "Pat Page" });
  reportId = await seedReport(tdb.db, "video_report_Page_v1-1.csv", new Date("2025-06-01T08:00:00Z"));
  await seedVideo(tdb.db, { createdByReportId: reportId, createdByReportAt: new Date("2025-06-01T08:00:00Z"), administered: true, administeredAt: new Date("2025-06-05T12:00:00Z") });
  await tdb.db.insert(metadataSyncs).values({ videoId: VIDEO_ID, sourceKind: "user", sourceId: user.id, userId: user.id, changes: { label: ["Sony", "RCA"] } });
});
afterAll(() => tdb.drop());

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {}, hmrRefresh() {} };
async function render(role: "admin" | "user"): Promise<string> {
  const detail = await getVideoDetail(tdb.db, VIDEO_ID);
  const page = createElement(VideoView, { detail, user: { role } });
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
}
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
/** Inner HTML of the first element whose opening tag matches `open` (no nesting of the same tag inside). */
const element = (html: string, tag: string, open: RegExp) => {
  const match = new RegExp(`<${tag}[^>]*${open.source}[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  return match?.[1] ?? null;
};

describe("the video page", () => {
  it("checks the session before anything else: without one it redirects to sign-in, whatever the id", async () => {
    for (const videoId of [VIDEO_ID, "not-a-video"]) {
      const error = await VideoPage({ params: Promise.resolve({ videoId }) }).catch((e: unknown) => e);
      expect(String((error as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*;\/sign-in;/);
    }
  });

  it("shows the status badges, exact revenue, the edit form and the history starting with the creating report", async () => {
    const html = await render("user");
    const status = text(element(html, "ul", /aria-label="Status"/)!);
    expect(status).toContain("Claimed");
    expect(status).toContain("Policy: Monetize in all countries");
    expect(status).toContain("Not a Short");
    expect(status).toContain("Longer than 60 s, published before 2024-10-15");
    expect(status).toContain("Administered since");

    expect(text(html)).toContain("12,345,678,901,234.123456789013");
    const labelFor = /<label for="([^"]+)"[^>]*>Label<\/label>/.exec(html)![1];
    expect(html).toMatch(new RegExp(`<input id="${labelFor}"[^>]*value="RCA"`));
    expect(html).toMatch(/<button type="submit"[^>]*>Save changes<\/button>/);

    const history = element(html, "ol", /aria-label="History"/)!.split(/<li class="relative">/).slice(1).map(text);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(new RegExp(`^Created by report ${reportId} \\(video_report_Page_v1-1\\.csv\\)`));
    expect(history[1]).toMatch(/^Changed by Pat Page \(page@example\.test\).*Label: Sony →changed to RCA/);
    expect(html).toContain(`href="/reports/${reportId}"`);
  });

  it("offers Delete to admins only", async () => {
    const hasDelete = (html: string) => html.includes(">Delete video…</button>");
    expect(hasDelete(await render("user"))).toBe(false);
    expect(hasDelete(await render("admin"))).toBe(true);
  });
});
