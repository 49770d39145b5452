import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Report } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { importReportFile, rows } from "@/tests/helpers/imports";

// Shorts by the strongest signal (lib/import/shorts-rule.ts), through real imports of real-shaped files in each
// order: a Shorts report, the API claims report's is_shorts_eligible, a long-form ads-revenue report, and only
// then the duration rule, which a weaker signal arriving later never overrides.
let stack: LocalStack;
const db = () => stack.database.db;

const CH = "UCaBcDeFgHiJkLmNoPqRsTuV";
/** 45 s, landscape, published 2025: the duration rule (≤ 180 s) calls it a Short; it earns long-form revenue. */
const TEASER = "Teaser45sLs";
/** 170 s, published 2023: the duration rule (≤ 60 s then) calls it long-form; it is in the Shorts report. */
const SHORT_170 = "Short170sXx";
/** 245 s, published 2025: long-form by duration. */
const CLIP_245 = "Clip245sElg";

const LENGTHS: Record<string, [number, string]> = {
  [TEASER]: [45, "2025-03-01T09:00:00Z"],
  [SHORT_170]: [170, "2023-06-01T09:00:00Z"],
  [CLIP_245]: [245, "2025-02-01T09:00:00Z"],
};

const csv = (header: string, lines: string[]) => `${header}\n${lines.join("\n")}\n`;

const videosReport = (ids: string[]) =>
  csv("video_id,channel_id,video_title,time_published,video_length", ids.map((id) => `${id},${CH},Title of ${id},${LENGTHS[id][1]},${LENGTHS[id][0]}`));

const REVENUE = "1.5,0,0,0,1.5,3.000000000001,0,0,0,3.000000000001";
const R10 = "YouTube Revenue Split : Auction,YouTube Revenue Split : Reserved,YouTube Revenue Split : Partner Sold YouTube Served,YouTube Revenue Split : Partner Sold Partner Served,YouTube Revenue Split,Partner Revenue : Auction,Partner Revenue : Reserved,Partner Revenue : Partner Sold YouTube Served,Partner Revenue : Partner Sold Partner Served,Partner Revenue";

/** The long-form ads-revenue reports (and their API twin), each listing the given videos. */
const longFormReports: Record<string, (ids: string[]) => string> = {
  video_raw: (ids) =>
    csv(`Adjustment Type,Day,Country,Video ID,Video Title,Video Duration (sec),Category,Channel ID,Uploader,Channel Display Name,Content Type,Policy,Owned Views,${R10}`,
      ids.map((id) => `None,20250601,US,${id},Title of ${id},${LENGTHS[id][0]},Music,${CH.slice(2)},,Sample Music,UGC,Monetize,1000,${REVENUE}`)),
  video_summary: (ids) =>
    csv(`Adjustment Type,Video ID,Video Title,Video Duration (sec),Category,Channel ID,Uploader,Channel Display Name,Content Type,Policy,Owned Views,${R10}`,
      ids.map((id) => `None,${id},Title of ${id},${LENGTHS[id][0]},Music,${CH.slice(2)},,Sample Music,UGC,Monetize,1000,${REVENUE}`)),
  claim_raw: (ids) =>
    csv(`Adjustment Type,Day,Country,Video ID,Channel ID,Asset ID,Asset Channel ID,Asset Type,Custom ID,Content Type,Policy,Claim Type,Claim Origin,Owned Views,${R10}`,
      ids.map((id) => `None,20250601,US,${id},${CH.slice(2)},A100000000000001,,Sound Recording,,UGC,Monetize,Audio,Audio match,120,${REVENUE}`)),
  content_owner_ad_revenue_raw_a1: (ids) =>
    csv("adjustment_type,date,country_code,video_id,video_title,video_duration_sec,category,channel_id,uploader,channel_display_name,content_type,policy,owned_views,youtube_revenue_split,partner_revenue",
      ids.map((id) => `None,20250601,US,${id},Title of ${id},${LENGTHS[id][0]},10,${CH},,Sample Music,UGC,Monetize,50,0.1,0.2`)),
};

const shortsReport = (ids: string[]) =>
  csv("Adjustment Type,Video ID,Video Title,Video Duration (sec),Category,Channel ID,Uploader,Content Type,Policy,Engaged Views,Net Partner Revenue (Post revshare)",
    ids.map((id) => `None,${id},Title of ${id},${LENGTHS[id][0]},Music,${CH.slice(2)},,UGC,Monetize,5000,1.25`));

/** The API claims report; `eligible` gives each video's is_shorts_eligible cell. */
const claimsReport = (eligible: Record<string, boolean>) =>
  csv("claim_id,channel_id,asset_id,video_id,claim_status,claim_origin,claim_type,is_shorts_eligible",
    Object.entries(eligible).map(([id, flag], i) => `clm-${i},${CH},A20000000000000${i},${id},ACTIVE,Audio match,audio,${flag}`));

let imports = 0;
/** Imports a file under a fresh key (a key names one upload) and checks it went in whole. */
async function importFile(name: string, body: string): Promise<Report> {
  imports += 1;
  const report = await importReportFile(db(), `reports/shorts-${imports}-${name}.csv`, body);
  expect(report.status, report.error ?? "").toBe("completed");
  expect(report.summary?.rejected).toBe(0);
  return report;
}

async function shorts(id: string) {
  const [video] = await rows(db(), sql`SELECT is_short, short_rule FROM videos WHERE video_id = ${id}`);
  return video;
}

const SHORTS_FIELDS = ["is_short", "short_rule"];

/** The Shorts changes in the audit rows an import wrote for a video (rows and fields about anything else left out). */
async function shortsAudit(report: Report, id: string) {
  const audit = await rows<{ source_kind: string; changes: Record<string, unknown> }>(db(), sql`
    SELECT source_kind, changes FROM metadata_syncs WHERE video_id = ${id} AND source_id = ${String(report.id)}`);
  return audit
    .map((a) => ({ source_kind: a.source_kind, ...Object.fromEntries(Object.entries(a.changes).filter(([field]) => SHORTS_FIELDS.includes(field))) }))
    .filter((a) => Object.keys(a).length > 1);
}

/** Imports two files in the order a test names. */
async function inOrder(first: () => Promise<Report>, second: () => Promise<Report>): Promise<Report> {
  await first();
  return second();
}

const orders = [["first", "after"], ["after", "first"]] as const;

beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(async () => {
  process.env.IMPORT_CHUNK_ROWS = "50000";
  resetEnvCache();
  // Report ids keep counting up: a step of an earlier test's import still winding down never meets a new report
  // under its id (nor the scratch state kept per report id).
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected CASCADE`);
});

describe("a Shorts report and the Videos report", () => {
  it("a video in a Shorts report is a Short when the Shorts report comes first: the duration rule does not undo it", async () => {
    const shortsImport = await importFile("shorts", shortsReport([SHORT_170]));
    expect(await shorts(SHORT_170)).toEqual({ is_short: true, short_rule: "shorts_report" });
    const videosImport = await importFile("videos", videosReport([SHORT_170, CLIP_245]));
    expect(await shorts(SHORT_170)).toEqual({ is_short: true, short_rule: "shorts_report" });
    expect(await shorts(CLIP_245)).toEqual({ is_short: false, short_rule: "duration_180s" });
    expect(await shortsAudit(videosImport, SHORT_170)).toEqual([]);
    expect(videosImport.summary?.change_set?.shorts_changed).toBe(0);
    expect(shortsImport.summary?.created).toBe(1);
  });

  it("a video in a Shorts report becomes a Short when the Shorts report comes after, and the audit says so", async () => {
    await importFile("videos", videosReport([SHORT_170, CLIP_245]));
    expect(await shorts(SHORT_170)).toEqual({ is_short: false, short_rule: "duration_60s" });
    const shortsImport = await importFile("shorts", shortsReport([SHORT_170]));
    expect(await shorts(SHORT_170)).toEqual({ is_short: true, short_rule: "shorts_report" });
    expect(await shortsAudit(shortsImport, SHORT_170)).toEqual([
      { source_kind: "report", is_short: [false, true], short_rule: ["duration_60s", "shorts_report"] },
    ]);
    expect(shortsImport.summary?.change_set).toMatchObject({ shorts_changed: 1, examples: { shorts_changed: [SHORT_170] } });
  });
});

describe("a long-form ads-revenue report and the Videos report", () => {
  it.each(orders)("the 45 s landscape teaser stays long-form with video raw %s / Videos report %s", async (revenueAt) => {
    const videos = () => importFile("videos", videosReport([TEASER]));
    const revenue = () => importFile("video_raw", longFormReports.video_raw([TEASER]));
    const later = revenueAt === "first" ? await inOrder(revenue, videos) : await inOrder(videos, revenue);
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "long_form_revenue" });
    if (revenueAt === "first") {
      // The Videos report's duration rule is weaker: it leaves the decision alone, and the audit has no Shorts change.
      expect(await shortsAudit(later, TEASER)).toEqual([]);
      expect(later.summary?.change_set?.shorts_changed).toBe(0);
    } else {
      expect(await shortsAudit(later, TEASER)).toEqual([
        { source_kind: "report", is_short: [true, false], short_rule: ["duration_180s", "long_form_revenue"] },
      ]);
      expect(later.summary?.change_set).toMatchObject({ shorts_changed: 1, examples: { shorts_changed: [TEASER] } });
    }
  });

  it.each(Object.keys(longFormReports))("%s makes the teaser long-form, and a Videos report imported after keeps it so", async (kind) => {
    const revenue = await importFile(kind, longFormReports[kind]([TEASER]));
    expect(revenue.summary?.kind).toBe(kind);
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "long_form_revenue" });
    await importFile("videos", videosReport([TEASER]));
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "long_form_revenue" });
  });

  it("a report that also counts Shorts (daily views) says nothing: the duration rule stands", async () => {
    await importFile("videos", videosReport([TEASER]));
    await importFile("basic_a4", csv("date,channel_id,video_id,claimed_status,uploader_type,live_or_on_demand,subscribed_status,country_code,views",
      [`20250601,${CH},${TEASER},claimed,self,on_demand,subscribed,US,100`]));
    expect(await shorts(TEASER)).toEqual({ is_short: true, short_rule: "duration_180s" });
  });

  it("a Shorts report outranks a long-form revenue report, in either order", async () => {
    await importFile("video_raw", longFormReports.video_raw([TEASER, SHORT_170]));
    await importFile("shorts", shortsReport([SHORT_170]));
    await importFile("video_raw", longFormReports.video_raw([TEASER, SHORT_170]));
    expect(await shorts(SHORT_170)).toEqual({ is_short: true, short_rule: "shorts_report" });
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "long_form_revenue" });
  });
});

describe("the API claims report's is_shorts_eligible", () => {
  it.each(orders)("outranks the duration rule with the claims report %s / Videos report %s", async (claimsAt) => {
    const videos = () => importFile("videos", videosReport([TEASER, CLIP_245]));
    const claims = () => importFile("claims_a3", claimsReport({ [TEASER]: false, [CLIP_245]: true }));
    await (claimsAt === "first" ? inOrder(claims, videos) : inOrder(videos, claims));
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "shorts_eligible" });
    expect(await shorts(CLIP_245)).toEqual({ is_short: true, short_rule: "shorts_eligible" });
  });

  it.each(orders)("gives way to a Shorts report with the claims report %s / Shorts report %s", async (claimsAt) => {
    const shortsImport = () => importFile("shorts", shortsReport([SHORT_170]));
    const claims = () => importFile("claims_a3", claimsReport({ [SHORT_170]: false }));
    await (claimsAt === "first" ? inOrder(claims, shortsImport) : inOrder(shortsImport, claims));
    expect(await shorts(SHORT_170)).toEqual({ is_short: true, short_rule: "shorts_report" });
  });

  it.each(orders)("outranks a long-form revenue report with the claims report %s / video raw %s", async (claimsAt) => {
    const revenue = () => importFile("video_raw", longFormReports.video_raw([TEASER]));
    const claims = () => importFile("claims_a3", claimsReport({ [TEASER]: true }));
    await (claimsAt === "first" ? inOrder(claims, revenue) : inOrder(revenue, claims));
    expect(await shorts(TEASER)).toEqual({ is_short: true, short_rule: "shorts_eligible" });
  });

  it("a newer claims report's verdict replaces an older one, and the audit names that report", async () => {
    await importFile("videos", videosReport([CLIP_245]));
    const eligible = await importFile("claims_a3", claimsReport({ [CLIP_245]: true }));
    expect(await shortsAudit(eligible, CLIP_245)).toEqual([
      { source_kind: "report", is_short: [false, true], short_rule: ["duration_180s", "shorts_eligible"] },
    ]);
    const notEligible = await importFile("claims_a3", claimsReport({ [CLIP_245]: false }));
    expect(await shorts(CLIP_245)).toEqual({ is_short: false, short_rule: "shorts_eligible" });
    expect(await shortsAudit(notEligible, CLIP_245)).toEqual([{ source_kind: "report", is_short: [true, false] }]);
  });
});

describe("re-imports", () => {
  it("importing the Videos report again after a revenue report changes nothing, whether its rows are merged or skipped", async () => {
    await importFile("videos", videosReport([TEASER, CLIP_245]));
    await importFile("video_raw", longFormReports.video_raw([TEASER]));
    const auditRows = async () => (await rows(db(), sql`SELECT count(*)::int AS n FROM metadata_syncs`))[0].n;
    const before = await auditRows();
    // The teaser was last merged from the revenue rows, so its Videos rows are merged again (and change nothing);
    // the third import finds every video as the same rows left it and skips them.
    for (const attempt of [1, 2]) {
      const again = await importFile("videos", videosReport([TEASER, CLIP_245]));
      expect(again.summary, `attempt ${attempt}`).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "long_form_revenue" });
    }
    expect(await auditRows()).toBe(before);
  });

  it("a claims report that only changes is_shorts_eligible is applied, not skipped as already imported", async () => {
    await importFile("claims_a3", claimsReport({ [TEASER]: true }));
    expect(await shorts(TEASER)).toEqual({ is_short: true, short_rule: "shorts_eligible" });
    const changed = await importFile("claims_a3", claimsReport({ [TEASER]: false }));
    expect(changed.summary).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await shorts(TEASER)).toEqual({ is_short: false, short_rule: "shorts_eligible" });
  });
});
