import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { assetIdFor, fakeAsset } from "@/local/youtube/fake-partner";
import { SCREENSHOT_DIR } from "./catalog-steps";

// Readings and inputs of the enrichment browser test (enrichment.smoke.test.ts): a Videos report whose videos each
// claim their own asset, what the sandbox will answer for those assets, and recorders of what the Queue page and the
// wall dashboard showed while the drain ran.

/** Screenshots of this test are named enrichment-*.png; only those are cleared (the catalog test owns the rest). */
export const SCREENSHOT_PREFIX = "enrichment-";

export function clearOwnScreenshots(): void {
  let names: string[] = [];
  try {
    names = readdirSync(SCREENSHOT_DIR);
  } catch {
    return; // no folder yet
  }
  for (const name of names.filter((n) => n.startsWith(SCREENSHOT_PREFIX))) rmSync(path.join(SCREENSHOT_DIR, name), { force: true });
}

const HEADER = [
  "video_id", "channel_id", "channel_display_name", "time_uploaded", "time_published", "video_title", "video_length", "views",
  "video_privacy_status", "category", "embedding_allowed", "ratings_allowed", "comments_allowed", "claim_origin", "content_type",
  "upload_source", "claimed_by_this_owner", "claimed_by_another_owner", "other_owners_claiming", "claim_id", "asset_id", "custom_id",
  "effective_policy", "isrc",
];

export type ReportVideo = { videoId: string; assetId: string; views: number };

/**
 * A Videos report of `count` videos, each claiming an asset of its own that the sandbox answers under its own id,
 * with no ISRC or custom id: every UPC, ISRC and genre the videos end up with comes from enrichment. Video 0 has the
 * most views, so the drain (most-viewed first) enriches it in its first task.
 */
export function enrichmentReport(count: number, runId: string): { filename: string; bytes: Buffer; videos: ReportVideo[] } {
  const videos: ReportVideo[] = Array.from({ length: count }, (_, i) => ({
    videoId: `Enr${String(i).padStart(8, "0")}`,
    assetId: assetIdFor(`enrichment-smoke:${i}`),
    views: 1_000_000 - i,
  }));
  const published = "2024-03-01T12:00:00.000Z";
  const rows = videos.map((v, i) =>
    [v.videoId, "UCEnrichmentSmokeChann01", "Enrichment Smoke", published, published, `Enrichment smoke ${i}`, 200, v.views, "public", "Music",
      "true", "true", "true", "Partner upload", "Partner-provided", "web", "Yes", "No", "", `clm-enr-${i}`, v.assetId, "", "Monetize in all countries", ""].join(","),
  );
  return { filename: `video_report_EnrichmentSmoke_${runId}.csv`, bytes: Buffer.from([HEADER.join(","), ...rows].join("\n") + "\n"), videos };
}

/** What the sandbox's assets.list says about an asset (fetchMetadata=mine), computed from its id as the sandbox does. */
export function sandboxAssetMetadata(assetId: string): { upc: string; isrc: string; genre: string[] } {
  const asset = fakeAsset(assetId, { metadata: ["mine"], ownership: [], owner: "sandbox-content-owner" });
  return asset.metadataMine as { upc: string; isrc: string; genre: string[] };
}

/**
 * Where a value sits on a page: a CSS selector (its text, or one attribute), or the definition of a term (`<dt>` →
 * next `<dd>`), optionally inside the `<section>` whose heading reads `within` (the dashboard's panels have no ids).
 */
export type Probe = { within?: string; term?: string; selector?: string; attribute?: string };

/**
 * Records every value the probes show, from the first paint of every document the page loads, so a test can tell
 * what a number went through while work ran (repeats collapsed). Call before the page navigates; read with
 * `valuesSeen`.
 */
export async function recordValues(page: Page, probes: Record<string, Probe>): Promise<void> {
  await page.addInitScript((wanted: Record<string, Probe>) => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __valuesSeen: typeof seen }).__valuesSeen = seen;
    const read = (probe: Probe): string | undefined => {
      let root: ParentNode = document;
      if (probe.within) {
        const heading = [...document.querySelectorAll("h1, h2, h3")].find((h) => h.textContent?.trim() === probe.within);
        const section = heading?.closest("section");
        if (!section) return undefined;
        root = section;
      }
      const element = probe.term
        ? [...root.querySelectorAll("dt")].find((dt) => dt.textContent?.trim() === probe.term)?.nextElementSibling
        : root.querySelector(probe.selector ?? "*");
      if (!element) return undefined;
      return (probe.attribute ? element.getAttribute(probe.attribute) : element.textContent?.trim()) ?? undefined;
    };
    const record = () => {
      for (const [name, probe] of Object.entries(wanted)) {
        const value = read(probe);
        if (value === undefined) continue;
        const values = (seen[name] ??= []);
        if (values.at(-1) !== value) values.push(value);
      }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, probes);
}

/** The values each probe showed, in order. */
export async function valuesSeen(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __valuesSeen?: Record<string, string[]> }).__valuesSeen ?? {});
}

/** "1,200" → 1200; "20 / 9,500" → 20 (the first number); NaN when the text holds none ("—"). */
export function firstNumber(text: string): number {
  const match = /\d[\d,]*/.exec(text);
  return match ? Number(match[0].replace(/,/g, "")) : NaN;
}

export const numbersSeen = (values: string[] | undefined) => (values ?? []).map(firstNumber).filter((n) => !Number.isNaN(n));

/** The Queue page's live numbers (data-testids of its status tiles and the quota meter). */
export const QUEUE_PROBES: Record<string, Probe> = {
  pending: { selector: '[data-testid="queue-count-pending"]' },
  processing: { selector: '[data-testid="queue-count-processing"]' },
  completed: { selector: '[data-testid="queue-count-completed"]' },
  failed: { selector: '[data-testid="queue-count-failed"]' },
  backlog: { selector: '[data-testid="queue-count-backlog"]' },
  quota: { selector: '[role="meter"][aria-label="Requests used today"]', attribute: "aria-valuenow" },
  activity: { selector: '[aria-live="polite"]' },
};

/** The wall dashboard's numbers, read as a person reads them: panel heading, then term and value. */
export const DASHBOARD_PROBES: Record<string, Probe> = {
  pending: { within: "Queue", term: "Pending" },
  processing: { within: "Queue", term: "Processing" },
  completed: { within: "Queue", term: "Completed" },
  failed: { within: "Queue", term: "Failed" },
  backlog: { within: "Queue", term: "Assets in backlog" },
  quota: { within: "API quota today", selector: "p" },
  imports: { within: "Imports running", selector: "ul, p" },
};

/** The value next to a label in a `<dt>`/`<dd>` list (the video page's fields). */
export async function definitionOf(page: Page, term: string): Promise<string | undefined> {
  return page.evaluate(
    (wanted) => [...document.querySelectorAll("dt")].find((dt) => dt.textContent?.trim() === wanted)?.nextElementSibling?.textContent?.trim(),
    term,
  );
}

/** Uploads a report from the browser into the bucket (presigned PUT) and presses its "Import now". */
export async function uploadAndImport(page: Page, filename: string, bytes: Buffer): Promise<void> {
  await page.getByLabel("Upload reports…").setInputFiles({ name: filename, mimeType: "text/csv", buffer: bytes });
  const importNow = page.getByRole("list", { name: "Uploads" }).getByRole("button", { name: /Import now/ });
  await importNow.waitFor({ timeout: 60_000 });
  await importNow.click();
}
