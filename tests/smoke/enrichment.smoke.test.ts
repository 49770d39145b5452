import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countNavigations, newPage, openBrowser, signIn } from "./browser";
import { screenshot, until, waitForImported } from "./catalog-steps";
import {
  clearOwnScreenshots,
  DASHBOARD_PROBES,
  definitionOf,
  enrichmentReport,
  numbersSeen,
  QUEUE_PROBES,
  recordValues,
  sandboxAssetMetadata,
  SCREENSHOT_PREFIX,
  uploadAndImport,
  valuesSeen,
} from "./enrichment-steps";
import { startLauncher, stopStack, tail, type Launcher } from "./launcher-process";

// Issue 11's browser test, on the whole stack as `npm start` runs it (embedded database, local stand-ins, the
// YouTube sandbox): with the Queue page open in one tab and the wall dashboard (a dashboard token, no session) on
// another screen, an admin uploads a Videos report whose videos claim assets. Nobody asks for enrichment: the import
// hands the assets to the drain, and both screens show the work moving and the quota meter rising without a reload.
// Then a video shows the UPC, ISRC and genre the sandbox gave its asset, with a history entry marked sandbox.

/** 24 tasks of 50 assets: one page of the task list, and enough requests (≥ 100 ms apart) to watch them go. */
const TASKS = 24;
const REPORT = enrichmentReport(TASKS * 50, String(Date.now()));
const CHECKED = REPORT.videos[0];

let launcher: Launcher | undefined;
let browser: Browser | undefined;
/** The admin's Queue page, open from before the import to the end, never reloaded. */
let queue: Page;
/** A second tab of the admin's session: Reports, then the video. */
let work: Page;
/** The wall screen: its own browser context, signed in to nothing, holding a dashboard token. */
let dashboard: Page;
const browserLog: string[] = [];
let queueLoads: () => number = () => 0;
let dashboardLoads: () => number = () => 0;

const shot = (page: Page, name: string) => screenshot(page, `${SCREENSHOT_PREFIX}${name}`);

/** What to print when a step fails: the end of the launcher's output and the browser console. */
function context(): string {
  return `\n--- launcher output (tail) ---\n${launcher ? tail(launcher.output(), 80) : "(not started)"}\n--- browser ---\n${browserLog.slice(-30).join("\n")}`;
}

/** Runs one step; a failure carries the launcher's output and the browser console, and screenshots of every page. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    for (const [label, page] of [["queue", queue], ["work", work], ["dashboard", dashboard]] as const) {
      if (page && !page.isClosed()) await shot(page, `failed-${name}-${label}`).catch(() => {});
    }
    const message = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`${name}: ${message}${context()}`), { stack: error instanceof Error ? error.stack : undefined });
  }
}

/** Non-decreasing, ending at `final`, and at least once strictly between where it started and `final`: it moved. */
function expectMovedTo(what: string, values: number[], final: number): void {
  expect(values.at(-1), `${what}: last value shown (all: ${values.join(" → ")})`).toBe(final);
  expect(
    values.some((v) => v > values[0] && v < final),
    `${what} showed work in progress, not only the start and the end: ${values.join(" → ")}`,
  ).toBe(true);
}

const nonDecreasing = (values: number[]) => values.every((v, i) => i === 0 || v >= values[i - 1]);

describe("enrichment after an import, watched on the Queue page and the wall dashboard", () => {
  beforeAll(async () => {
    clearOwnScreenshots();
    launcher = await startLauncher(230_000);
    browser = await openBrowser();
    queue = await newPage(browser, browserLog);
    await recordValues(queue, QUEUE_PROBES);
    dashboard = await newPage(browser, browserLog);
    await recordValues(dashboard, DASHBOARD_PROBES);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopStack(launcher);
  }, 60_000);

  it("the admin opens the Queue page: nothing waits, nothing is spent, the APIs are the sandbox", () =>
    step("queue-empty", async () => {
      const { url, adminEmail, adminPassword } = launcher!;
      await signIn(queue, url, "/queue", adminEmail, adminPassword);
      await queue.getByRole("heading", { name: "Queue", level: 1 }).waitFor();
      queueLoads = countNavigations(queue);
      await queue.getByRole("heading", { name: "The queue is empty" }).waitFor();
      for (const status of ["pending", "processing", "completed", "failed", "backlog"]) {
        await expect(queue.getByTestId(`queue-count-${status}`).textContent(), status).resolves.toBe("0");
      }
      const meter = queue.getByRole("meter", { name: "Requests used today" });
      await expect(meter.getAttribute("aria-valuenow")).resolves.toBe("0");
      await expect(meter.getAttribute("aria-valuemax")).resolves.toBe("9500");
      await expect(queue.locator('[aria-live="polite"]').textContent(), "the page says the APIs are the local sandbox").resolves.toContain("Sandbox");
      await shot(queue, "queue-empty");
    }),
  120_000);

  it("a dashboard token created through the admin API opens /dashboard live, without a session", () =>
    step("dashboard", async () => {
      const { url } = launcher!;
      // The browser's own fetch: same-origin, with the admin's session cookie, as the Admin page sends it.
      const created = await queue.evaluate(async () => {
        const response = await fetch("/api/admin/dashboard-tokens", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "Smoke test wall screen" }),
        });
        return { status: response.status, body: (await response.json()) as { token?: string; dashboard_url?: string } };
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const token = created.body.token!;
      expect(created.body.dashboard_url).toBe(`${url}/dashboard?token=${encodeURIComponent(token)}`);

      await dashboard.goto(created.body.dashboard_url!);
      dashboardLoads = countNavigations(dashboard);
      await dashboard.getByRole("status").filter({ hasText: "Live" }).waitFor();
      await dashboard.getByRole("heading", { name: "Queue", level: 2 }).waitFor({ timeout: 30_000 });
      await dashboard.getByText("No imports running").waitFor();
      const seen = await valuesSeen(dashboard);
      expect(numbersSeen(seen.completed).at(-1), JSON.stringify(seen)).toBe(0);
      expect(seen.quota?.at(-1), JSON.stringify(seen)).toMatch(/^0 \/ 9,500/);
      await shot(dashboard, "dashboard-idle");
    }),
  120_000);

  it("the admin uploads and imports a Videos report whose videos claim assets, in a second tab", () =>
    step("import", async () => {
      const { url, adminEmail, adminPassword } = launcher!;
      work = await queue.context().newPage();
      work.setDefaultTimeout(60_000);
      await work.goto(`${url}/reports`);
      if (new URL(work.url()).pathname !== "/reports") await signIn(work, url, "/reports", adminEmail, adminPassword);
      await work.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
      await uploadAndImport(work, REPORT.filename, REPORT.bytes);

      const imported = await waitForImported(work, REPORT.filename);
      expect(imported.result).toMatch(new RegExp(`(^|\\D)${REPORT.videos.length.toLocaleString("en-US")} created`));
      await shot(work, "reports");
    }),
  180_000);

  it("the Queue page shows the work moving and the quota meter rising without a reload, until all is done", () =>
    step("queue-moving", async () => {
      let last: Record<string, string[]> = {};
      await until(
        `the Queue page shows ${TASKS} completed tasks, an empty backlog and the processor idle`,
        150_000,
        async () => {
          last = await valuesSeen(queue);
          const now = (name: string) => numbersSeen(last[name]).at(-1);
          if ((now("failed") ?? 0) > 0) throw new Error(`tasks failed: ${JSON.stringify(last)}`);
          // The badge's "Idle" comes with the drain's last status event, which may land a moment after the counts.
          const activity = last.activity ?? [];
          const idleAfterWork = activity.findLastIndex((text) => text.includes("Idle")) > activity.findLastIndex((text) => text.includes("Processing now"));
          const done = now("completed") === TASKS && now("backlog") === 0 && now("pending") === 0 && now("processing") === 0;
          return done && idleAfterWork ? true : undefined;
        },
        () => `Seen on the Queue page: ${JSON.stringify(last)}`,
      );
      const seen = await valuesSeen(queue);
      console.info(`Queue page while enriching: completed ${seen.completed?.join(" → ")}; quota ${seen.quota?.join(" → ")}; backlog ${seen.backlog?.join(" → ")}`);
      const completed = numbersSeen(seen.completed);
      const quota = numbersSeen(seen.quota);
      expect(completed[0], "the page was open before any task finished").toBe(0);
      expect(quota[0], "the page was open before any request was made").toBe(0);
      expectMovedTo("the completed count", completed, TASKS);
      // One assets.list request per 50 assets: the meter ends at one request per task.
      expectMovedTo("the quota meter", quota, TASKS);
      expect(Math.max(...numbersSeen(seen.backlog)), "the imported assets waited in the backlog").toBeGreaterThan(0);
      // The badge next to "Sandbox": "Processing now" while tasks ran, "Idle" once the drain found nothing more to do.
      const activity = seen.activity ?? [];
      const lastProcessing = activity.findLastIndex((text) => text.includes("Processing now"));
      expect(lastProcessing, `the page said it was processing: ${JSON.stringify(activity)}`).toBeGreaterThanOrEqual(0);
      expect(activity.findLastIndex((text) => text.includes("Idle")), `then that it was idle: ${JSON.stringify(activity)}`).toBeGreaterThan(lastProcessing);
      expect(queueLoads(), "the Queue page was not reloaded").toBe(0);
      if (!nonDecreasing(completed) || !nonDecreasing(quota)) {
        // A list reload that started before a processor_status can land after it and show the older counts for a moment.
        console.warn(`the Queue page showed a count going back while work ran: completed ${completed.join(" → ")}; quota ${quota.join(" → ")}`);
      }

      // The task list (reloaded after tasks complete) holds every task: asset enrichment, completed by the sandbox.
      const table = queue.getByRole("table", { name: "Queue tasks" });
      let rows: string[][] = [];
      await until(
        `the task list shows ${TASKS} completed asset enrichment tasks`,
        30_000,
        async () => {
          rows = await table.locator("tbody tr[data-testid^='queue-task-']").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
          return rows.length === TASKS && rows.every((cells) => cells[3].startsWith("Completed")) ? rows : undefined;
        },
        () => `Rows: ${JSON.stringify(rows)}`,
      );
      for (const cells of rows) {
        expect(cells[1], JSON.stringify(cells)).toBe("Asset enrichment");
        expect(cells[2], JSON.stringify(cells)).toMatch(/\+49 more$/);
        expect(cells[3], "answered by the sandbox, and marked so").toContain("sandbox");
        expect(cells[6], JSON.stringify(cells)).toBe("50 updated");
      }
      await shot(queue, "queue-done");
    }),
  180_000);

  it("the wall dashboard showed the same work moving, and ends with the same counts", () =>
    step("dashboard-moving", async () => {
      let last: Record<string, string[]> = {};
      await until(
        `the dashboard shows ${TASKS} completed tasks and ${TASKS} requests used`,
        30_000,
        async () => {
          last = await valuesSeen(dashboard);
          return numbersSeen(last.completed).at(-1) === TASKS && numbersSeen(last.quota).at(-1) === TASKS && numbersSeen(last.backlog).at(-1) === 0 ? true : undefined;
        },
        () => `Seen on the dashboard: ${JSON.stringify(last)}`,
      );
      const seen = await valuesSeen(dashboard);
      console.info(`dashboard while enriching: completed ${seen.completed?.join(" → ")}; quota ${seen.quota?.join(" → ")}; imports ${seen.imports?.join(" → ")}`);
      const completed = numbersSeen(seen.completed);
      const quota = numbersSeen(seen.quota);
      // Snapshots leave the app one after another, each read when sent: they never go back.
      expect(nonDecreasing(completed), `completed: ${completed.join(" → ")}`).toBe(true);
      expect(nonDecreasing(quota), `quota: ${quota.join(" → ")}`).toBe(true);
      expectMovedTo("the dashboard's completed count", completed, TASKS);
      expectMovedTo("the dashboard's quota used", quota, TASKS);
      expect(numbersSeen(seen.failed).at(-1)).toBe(0);
      expect(seen.quota!.at(-1)).toMatch(new RegExp(`^${TASKS} / 9,500`));
      expect(dashboardLoads(), "the dashboard was not reloaded").toBe(0);
      await shot(dashboard, "dashboard-done");
    }),
  60_000);

  it("the most-viewed video now has the sandbox's UPC, ISRC and genre, with a history entry marked sandbox", () =>
    step("video", async () => {
      const expected = sandboxAssetMetadata(CHECKED.assetId);
      await work.goto(`${launcher!.url}/videos/${CHECKED.videoId}`);
      await work.getByRole("heading", { name: "Enrichment smoke 0", level: 1 }).waitFor();
      await expect(definitionOf(work, "Asset ID")).resolves.toBe(CHECKED.assetId);
      await expect(definitionOf(work, "UPC")).resolves.toBe(expected.upc);
      await expect(definitionOf(work, "ISRC")).resolves.toBe(expected.isrc);
      await expect(definitionOf(work, "Genre")).resolves.toBe(expected.genre.join(", "));

      const history = work.getByRole("list", { name: "History" });
      await expect(history.locator(":scope > li").first().textContent()).resolves.toMatch(/^Created by report \d+/);
      const entry = history.locator(":scope > li").filter({ hasText: "API call assets.list" });
      await expect(entry.count(), "one history entry for the enrichment").resolves.toBe(1);
      const text = (await entry.textContent()) ?? "";
      expect(text).toMatch(/^Changed by API call assets\.list \(task \d+\)/);
      expect(text, "marked as made-up sandbox data").toContain("sandbox");
      for (const [label, value] of [["UPC", expected.upc], ["ISRC", expected.isrc], ["Genre", expected.genre.join(", ")]]) {
        // "UPC: (empty) → changed to 0123…" (the arrow is for the eye, the words for screen readers).
        const change = new RegExp(`${label}:\\s*\\(empty\\)\\s*→\\s*changed to\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
        expect(text, `the entry shows ${label} going from empty to ${value}`).toMatch(change);
      }
      await shot(work, "video");
    }),
  120_000);
});
