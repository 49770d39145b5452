import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/catalog/contract";
import { bucketTable, countNavigations, historyTable, newPage, openBrowser, signIn } from "./browser";
import {
  applyTextFilter,
  catalogFor,
  importProgressSeen,
  parseCsv,
  recordImportProgress,
  resetScreenshots,
  SCREENSHOT_DIR,
  sampleVideosReport,
  screenshot,
  totalCount,
  waitForImported,
} from "./catalog-steps";
import { startLauncher, stopStack, tail, type Launcher } from "./launcher-process";

// Issue 9's browser test: a person on the whole stack (`npm start` on a fresh data folder, a real Chromium)
// imports the sample Videos report, finds videos on the Catalog page, edits one, exports a filtered view, hides
// the channel as an admin and signs out. The steps share one page and run in order; each leaves a full-page
// screenshot in test-results/screenshots/.

const SAMPLE = sampleVideosReport();
const SAMPLE_IDS = [...SAMPLE.videos.keys()];
const LISBON_ID = SAMPLE_IDS.find((id) => SAMPLE.videos.get(id)!.title.includes("Lisbon"))!;
const LISBON = SAMPLE.videos.get(LISBON_ID)!;
const CHANNEL = LISBON.channel;
const titled = (fragment: string) => SAMPLE_IDS.filter((id) => SAMPLE.videos.get(id)!.title.toLowerCase().includes(fragment.toLowerCase()));

let launcher: Launcher | undefined;
let browser: Browser | undefined;
let page: Page;
const browserLog: string[] = [];

/** What to print when a step fails: the end of the launcher's output and the browser console. */
function context(): string {
  return `\n--- launcher output (tail) ---\n${launcher ? tail(launcher.output(), 80) : "(not started)"}\n--- browser (${page?.url() ?? "no page"}) ---\n${browserLog.slice(-30).join("\n")}`;
}

/** Runs one step; a failure carries the launcher's output and the browser console, and a screenshot of the page. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (page) await screenshot(page, `failed-${name}`).catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`${name}: ${message}${context()}`), { stack: error instanceof Error ? error.stack : undefined });
  }
}

const nav = () => page.getByRole("navigation", { name: "Main" });
const filters = () => page.getByRole("region", { name: "Filters" });

describe("the catalog in a real browser, on the whole stack", () => {
  beforeAll(async () => {
    resetScreenshots();
    launcher = await startLauncher(230_000);
    browser = await openBrowser();
    page = await newPage(browser, browserLog);
    await recordImportProgress(page);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopStack(launcher);
    console.info(`catalog smoke screenshots: ${SCREENSHOT_DIR}`);
  }, 60_000);

  it("signs in and imports the sample Videos report; its progress bar fills without a reload", () =>
    step("import", async () => {
      const { url, adminEmail, adminPassword } = launcher!;
      await signIn(page, url, "/reports", adminEmail, adminPassword);
      await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
      const loads = countNavigations(page);

      const table = bucketTable(page);
      const select = table.getByRole("checkbox", { name: `Select ${SAMPLE.filename}`, exact: true });
      await select.waitFor({ timeout: 120_000 });
      await select.check();
      await page.getByRole("button", { name: "Import selected (1)" }).click();

      const mine = await waitForImported(page, SAMPLE.filename);
      expect(mine.result, "the history row reports the videos created").toMatch(new RegExp(`(^|\\D)${SAMPLE.videos.size} created`));

      // The bar as it was drawn (recorded from the page itself): it appeared, only moved forward and ended full
      // (a completed row keeps its bar at 100% above the result counts).
      const seen = await importProgressSeen(page, SAMPLE.filename);
      console.info(`import progress bar of ${SAMPLE.filename}: ${seen.join(" → ")} %, then Imported`);
      expect(seen.length, "the import's progress bar was shown").toBeGreaterThan(0);
      expect(seen, "the progress bar never moved backwards").toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1), "the progress bar reached 100% on the page").toBe(100);
      const href = await historyTable(page).getByRole("link", { name: SAMPLE.filename, exact: true }).first().getAttribute("href");
      const status = await (await page.request.get(`${launcher!.url}/api/process-status/${href!.split("/").pop()}`)).json();
      expect(status.progress?.percentage, JSON.stringify(status)).toBe(100);
      expect(loads(), "the reports page was not reloaded").toBe(0);
      await screenshot(page, "reports");
    }),
  180_000);

  it("the Catalog page shows the imported videos", () =>
    step("catalog", async () => {
      await nav().getByRole("link", { name: "Catalog", exact: true }).click();
      await page.getByRole("heading", { name: "Catalog", level: 1 }).waitFor();
      const view = await catalogFor(page, {});
      expect(view.state).toBe("table");
      expect(totalCount(view)).toBe(SAMPLE.videos.size);
      expect(new Set(view.ids)).toEqual(new Set(SAMPLE_IDS));
      await screenshot(page, "catalog");
    }),
  120_000);

  let lisbonAsset = "";

  it("finds a video by a title fragment and by its asset id", () =>
    step("find", async () => {
      await applyTextFilter(page, "Search titles", "lisbon");
      const byTitle = await catalogFor(page, { search: "lisbon" });
      expect(byTitle.ids).toEqual(titled("lisbon"));
      expect(byTitle.rows[0]["Title"]).toContain(LISBON.title);

      lisbonAsset = byTitle.rows[0]["Asset ID"];
      expect([...LISBON.assetIds], "the Asset ID shown is one the sample report claims for the video").toContain(lisbonAsset);

      await filters().getByRole("button", { name: "Clear filters" }).click();
      await catalogFor(page, {});
      await applyTextFilter(page, "Asset ID", lisbonAsset);
      const byAsset = await catalogFor(page, { asset_id: lisbonAsset });
      expect(byAsset.ids).toContain(LISBON_ID);
      expect(byAsset.rows.map((r) => r["Asset ID"]), "every row found carries that asset id").toEqual(byAsset.ids.map(() => lisbonAsset));
      expect(totalCount(byAsset)).toBe(byAsset.ids.length);
    }),
  120_000);

  const newLabel = `Smoke Records ${Date.now()}`;

  it("opens the video, edits its label and sees the change in its history", () =>
    step("edit", async () => {
      await page.getByRole("table", { name: "Videos" }).getByRole("link", { name: LISBON_ID, exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/videos/${encodeURIComponent(LISBON_ID)}`);
      await page.getByRole("heading", { name: LISBON.title, level: 1 }).waitFor();
      await screenshot(page, "video");

      const history = page.getByRole("list", { name: "History" });
      await expect(history.getByRole("listitem").first().textContent()).resolves.toMatch(/^Created by report \d+/);

      const form = page.getByRole("form", { name: "Edit video" });
      await form.getByLabel("Label", { exact: true }).fill(newLabel);
      await form.getByRole("button", { name: "Save changes" }).click();
      await form.getByRole("status").filter({ hasText: "Saved: Label." }).waitFor();

      // The page refreshes its server part after a save; the new entry names the field, the new value and the person.
      const entry = history.locator(":scope > li").filter({ hasText: newLabel });
      // router.refresh() normally brings it within a second; on a loaded machine its request was once lost (1 run
      // in 5), so after 20 s the page is reloaded once: the edit must be in the history either way.
      if (!(await entry.waitFor({ timeout: 20_000 }).then(() => true, () => false))) {
        console.warn("the history did not refresh within 20 s after saving; reloading the video page once");
        await page.reload();
        await entry.waitFor({ timeout: 30_000 });
      }
      const text = (await entry.textContent()) ?? "";
      expect(text).toMatch(/^Changed by /);
      expect(text).toContain("Label:");
      expect(text).toContain(launcher!.adminEmail);
      await expect(form.getByLabel("Label", { exact: true }).inputValue()).resolves.toBe(newLabel);
      await screenshot(page, "video-edited");
    }),
  120_000);

  it("exports the filtered view; the downloaded file holds exactly the rows shown", () =>
    step("export", async () => {
      await nav().getByRole("link", { name: "Catalog", exact: true }).click();
      await catalogFor(page, {});

      // The edit is in the catalog too: the new label finds the video.
      await filters().getByRole("button", { name: "More filters" }).click();
      await page.locator("#catalog-more-filters").getByLabel("Label", { exact: true }).fill(newLabel);
      await page.locator("#catalog-more-filters").getByLabel("Label", { exact: true }).press("Enter");
      expect((await catalogFor(page, { label: newLabel })).ids).toEqual([LISBON_ID]);
      await filters().getByRole("button", { name: "Clear filters" }).click();
      await catalogFor(page, {});

      await applyTextFilter(page, "Search titles", "Night Drive");
      const view = await catalogFor(page, { search: "Night Drive" });
      expect(new Set(view.ids)).toEqual(new Set(titled("night drive")));
      expect(view.ids.length).toBeGreaterThan(1);
      await screenshot(page, "catalog-filtered");

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Export", exact: true }).click()]);
      const filename = download.suggestedFilename();
      expect(filename).toBe(`video_export_${new Date().toISOString().slice(0, 10)}.csv`);
      const file = await download.path();
      const [header, ...records] = parseCsv(readFileSync(file, "utf8")).filter((r) => r.some((cell) => cell !== ""));
      expect(header, "the file has the columns on screen, in order").toEqual(DEFAULT_VISIBLE_COLUMNS);
      const col = (key: string) => header.indexOf(key);
      expect(records.map((r) => r[col("video_id")]), "the file's rows are the table's rows, in the same order").toEqual(view.ids);
      expect(records.map((r) => r[col("title")])).toEqual(view.ids.map((id) => SAMPLE.videos.get(id)!.title));
      expect(records.map((r) => r[col("asset_id")])).toEqual(view.rows.map((r) => (r["Asset ID"] === "—" ? "" : r["Asset ID"])));

      await page.getByRole("status").filter({ hasText: `Saved ${filename} (${records.length} rows)` }).waitFor();
      expect(await page.getByTestId("catalog-export-progress").count(), "the export progress is gone once it finished").toBe(0);
    }),
  120_000);

  it("an admin hides the channel and its videos leave the default catalog view", () =>
    step("hide-channel", async () => {
      await nav().getByRole("link", { name: "Admin", exact: true }).click();
      await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Channels" }).click();
      await page.waitForURL((u) => u.pathname === "/admin/channels");
      const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(CHANNEL) }) });
      await expect(row.getByRole("cell").first().textContent()).resolves.toBe(String(SAMPLE.videos.size));

      await row.getByRole("button", { name: `Hide ${CHANNEL}`, exact: true }).click();
      await row.getByRole("button", { name: `Show ${CHANNEL}`, exact: true }).waitFor();
      await expect(row.getByText("Hidden", { exact: true }).isVisible()).resolves.toBe(true);
      await screenshot(page, "admin-channels");

      await nav().getByRole("link", { name: "Catalog", exact: true }).click();
      const after = await catalogFor(page, {});
      expect(totalCount(after), "no video of the hidden channel is left in the default view").toBe(0);
      expect(after.ids).not.toContain(LISBON_ID);
      await screenshot(page, "catalog-after-hide");
      await applyTextFilter(page, "Asset ID", lisbonAsset);
      expect((await catalogFor(page, { asset_id: lisbonAsset })).state, "the video is not found either").toBe("no-matches");

      // Hidden, not gone: the "Hidden only" view still lists every one of them.
      await filters().getByRole("button", { name: "Clear filters" }).click();
      await catalogFor(page, {});
      await filters().getByRole("button", { name: "More filters" }).click();
      await page.getByLabel("Hidden videos", { exact: true }).selectOption("yes");
      const hidden = await catalogFor(page, { hidden: "yes" });
      expect(new Set(hidden.ids)).toEqual(new Set(SAMPLE_IDS));
      await screenshot(page, "catalog-hidden-only");
    }),
  120_000);

  it("signs out and lands on the sign-in page", () =>
    step("sign-out", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL((u) => u.pathname === "/sign-in");
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await screenshot(page, "sign-in");
      // The session is gone: the catalog sends the browser back to sign in.
      await page.goto(`${launcher!.url}/`);
      await page.waitForURL((u) => u.pathname === "/sign-in");
    }),
  60_000);
});
