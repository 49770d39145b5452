import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { sampleReports } from "@/lib/import/parse/sample-reports";
import { historyRows } from "./browser";

// Steps and readings of the catalog browser test (catalog.smoke.test.ts): what a person sees on the Reports,
// Catalog, video and admin pages, read by roles, labels and the test ids the pages expose.

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** Empties the screenshot folder, so what it holds after a run is that run's pages. */
export function resetScreenshots(): void {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

/** A full-page screenshot kept as a test artifact (test-results/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Polls `probe` once a second until it returns a value; the error says what was awaited and what was last seen. */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, describeLast: () => string = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s. ${describeLast()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A small RFC 4180 reader (quoted cells, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The sample Videos report (seeded into the local bucket): each video's title, channel and claimed asset ids. */
export function sampleVideosReport(): { filename: string; videos: Map<string, { title: string; channel: string; assetIds: Set<string> }> } {
  const report = sampleReports().find((r) => r.name.startsWith("video_report_"));
  if (!report) throw new Error("lib/import/parse/sample-reports.ts has no Videos report (video_report_*.csv)");
  const [header, ...rows] = parseCsv(new TextDecoder().decode(report.bytes));
  const col = (name: string) => header.indexOf(name);
  const videos = new Map<string, { title: string; channel: string; assetIds: Set<string> }>();
  for (const row of rows) {
    const id = row[col("video_id")];
    const video = videos.get(id) ?? { title: row[col("video_title")], channel: row[col("channel_display_name")], assetIds: new Set<string>() };
    if (row[col("asset_id")]) video.assetIds.add(row[col("asset_id")]);
    videos.set(id, video);
  }
  return { filename: report.name, videos };
}

/**
 * Records every value an import progress bar shows, from the first paint of every document of the page, so a
 * test can tell what the bar went through even when an import takes a fraction of a second. Call before the
 * page navigates; read with `importProgressSeen`.
 */
export async function recordImportProgress(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Record<string, number[]> = {};
    (window as unknown as { __importProgress: typeof seen }).__importProgress = seen;
    const record = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"][aria-label^="Import progress of "]')) {
        const label = bar.getAttribute("aria-label")!.slice("Import progress of ".length);
        const value = Number(bar.getAttribute("aria-valuenow"));
        const values = (seen[label] ??= []);
        if (values.at(-1) !== value) values.push(value);
      }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
}

/** The values the import progress bar of `filename` showed, in order (repeats collapsed). */
export async function importProgressSeen(page: Page, filename: string): Promise<number[]> {
  return page.evaluate((name) => (window as unknown as { __importProgress?: Record<string, number[]> }).__importProgress?.[name] ?? [], filename);
}

/** One table row as shown: column header → cell text. */
export type CatalogRow = Record<string, string>;

export type CatalogView = {
  params: Record<string, string>;
  total: string;
  /** The video ids of the rows, top to bottom. */
  ids: string[];
  rows: CatalogRow[];
  state: "table" | "no-videos" | "no-matches" | "error";
};

/** What the catalog shows now, or undefined while it is still loading (a view whose rows are not in yet). */
export async function readCatalog(page: Page): Promise<CatalogView | undefined> {
  const view = await page.evaluate(() => {
    const total = document.querySelector('[data-testid="catalog-total"]')?.textContent?.trim() ?? "";
    const table = document.querySelector('table[aria-label="Videos"]');
    const state = table
      ? "table"
      : document.querySelector('[aria-label="No videos yet"]')
        ? "no-videos"
        : document.querySelector('[aria-label="No matching videos"]')
          ? "no-matches"
          : document.querySelector('[aria-label="Could not load videos"]')
            ? "error"
            : null;
    const busy = table?.getAttribute("aria-busy") === "true";
    // Header text without the sort arrows.
    const headers = table ? [...table.querySelectorAll("thead th")].map((th) => th.textContent!.replace(/[▲▼↕]/g, "").trim()) : [];
    const rows = table
      ? [...table.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [headers[i], td.textContent!.trim()])))
      : [];
    return { total, state, busy, rows, params: Object.fromEntries(new URL(location.href).searchParams) };
  });
  if (!view.state || view.busy || view.total === "" || view.total === "Searching…") return undefined;
  const rows = view.rows as CatalogRow[];
  return { params: view.params, total: view.total, ids: rows.map((r) => r["Video ID"]), rows, state: view.state as CatalogView["state"] };
}

/** Waits until the catalog shows the view for exactly `params` (the URL's filters) and returns it. */
export async function catalogFor(page: Page, params: Record<string, string>, timeoutMs = 60_000): Promise<CatalogView> {
  let last: CatalogView | undefined;
  const wanted = JSON.stringify(Object.entries(params).sort());
  return until(
    `the catalog shows the view ${JSON.stringify(params)}`,
    timeoutMs,
    async () => {
      last = await readCatalog(page);
      return last && JSON.stringify(Object.entries(last.params).sort()) === wanted ? last : undefined;
    },
    () => `Last seen: ${JSON.stringify(last)} at ${page.url()}`,
  );
}

/** "14 videos" → 14 (exact totals only; "about 1.2M videos" is not expected on a small catalog). */
export function totalCount(view: CatalogView): number {
  const match = /^([\d,]+) videos?$/.exec(view.total);
  if (!match) throw new Error(`the catalog total "${view.total}" is not an exact count`);
  return Number(match[1].replace(/,/g, ""));
}

/** Types into one of the catalog's text filters and applies it at once with Enter (as a person may). */
export async function applyTextFilter(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole("search").getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press("Enter");
}

/** Waits until the Reports page's history shows `filename` as Imported (throws at once if it failed) and returns its row. */
export async function waitForImported(page: Page, filename: string, timeoutMs = 150_000): Promise<{ filename: string; status: string; result: string }> {
  let rows: Awaited<ReturnType<typeof historyRows>> = [];
  return until(
    `${filename} shows Imported in the import history`,
    timeoutMs,
    async () => {
      rows = await historyRows(page);
      const mine = rows.find((r) => r.filename === filename);
      if (mine?.status === "Failed") throw new Error(`the import failed: ${JSON.stringify(mine)}`);
      return mine?.status === "Imported" ? mine : undefined;
    },
    () => `Last history rows: ${JSON.stringify(rows)}`,
  );
}
