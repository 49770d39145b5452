import { describe, expect, it } from "vitest";
import { fixture, lastColumnTotal, readAll, sum } from "./parse-helpers";

const CH = "UCaBcDeFgHiJkLmNoPqRsTuV";
const CH2 = "UCZz9_Yy8-Xx7Ww6Vv5Uu4Tt";
const A1 = "A100000000000001";
const A2 = "A200000000000002";
const A3 = "A300000000000003";

describe("row mapping", () => {
  it("claim_raw: one claim per asset id, UC channels, exact revenue", async () => {
    const { records, rejected } = await readAll(fixture("claim_raw.csv"));
    expect(rejected).toEqual([]);
    expect(records.map((r) => r.video_id)).toEqual(["-abcDEF1234", "-abcDEF1234", "dQw4w9WgXcQ", "dQw4w9WgXcQ"]);
    expect(records[0]).toMatchObject({
      line: 2,
      channel_id: CH,
      custom_id: "CUST-1",
      content_type: "Partner-provided",
      claims: [{ asset_id: A1, claim_type: "Audio", claim_origin: "Audio match", policy: "Monetize" }],
      metrics: { period: "2025-06-01", owned_views: 120, partner_revenue: "0.000021676471" },
    });
    expect(records[0].effective_policy).toBeUndefined();
    expect(records[2].channel_id).toBe(CH2);
    expect(records[3].channel_id).toBe(CH2);
    expect(records[2].claims?.map((c) => c.asset_id)).toEqual([A1, A3]);
    expect(records[3].metrics?.partner_revenue).toBe("-0.25");
    const total = sum(records.map((r) => r.metrics?.partner_revenue));
    expect(total).toBe(lastColumnTotal(fixture("claim_raw.csv").toString(), 1));
    expect(total).toBe("1.484589566594");
  });

  it("video_raw: quoted commas, doubled quotes, a newline and emoji in titles", async () => {
    const { records } = await readAll(fixture("video_raw.csv"));
    expect(records.map((r) => [r.line, r.title])).toEqual([
      [2, "Live in Lisbon, Part 1"],
      [3, 'The "Official" Video 🎸\nsecond line'],
      [5, "東京の夜 🌃"],
    ]);
    expect(records[1]).toMatchObject({
      video_id: "dQw4w9WgXcQ", video_length: 59, category: "Music", channel_id: CH2, uploader: null,
      channel_display_name: "Sample, Inc.", content_type: "UGC", effective_policy: "Monetize",
      metrics: { period: "2025-06-01", owned_views: 20, partner_revenue: "0.000021676471" },
    });
    expect(records[0].claims).toBeUndefined();
  });

  it("ADJ files keep negative amounts exactly", async () => {
    const { records } = await readAll(fixture("adj_video_raw.csv"));
    expect(records.map((r) => r.metrics)).toEqual([
      { period: "2025-06-01", owned_views: -40, partner_revenue: "-0.000021676471" },
      { period: "2025-06-01", owned_views: 0, partner_revenue: "-1.1" },
    ]);
  });

  it("music asset_raw: asset fields, labels split on |, UPC keeps its leading zero", async () => {
    const { records } = await readAll(fixture("asset_raw_music.csv"));
    expect(records[0]).toEqual({
      line: 2,
      asset: {
        asset_id: A1, asset_type: "Sound Recording", title: "Lisbon, Live", custom_id: "SR-001", isrc: "USRC17607839",
        upc: "0602577012345", grid: "A1-2425G-ABC1234002-M", artist: "Sample Artist", album: "Live, Loud", label: "Sample Records",
        administer_publish_rights: true, asset_channel_id: CH, labels: ["Catalog", "Priority", "2025"],
      },
      metrics: { period: "2025-06-01", owned_views: 900, partner_revenue: "0.123456789012" },
    });
    expect(records[1].asset).toMatchObject({ asset_id: A3, labels: null, asset_channel_id: null, administer_publish_rights: false, upc: "724384960650" });
    expect(records[1].video_id).toBeUndefined();
  });

  it("red asset files: Month gives the period, title line skipped", async () => {
    const { records } = await readAll(fixture("red_music_rawdata_asset.csv"));
    expect(records.map((r) => [r.line, r.asset?.asset_id, r.metrics?.period, r.metrics?.owned_views])).toEqual([
      [3, A1, "2025-06-01", 44],
      [4, A3, "2025-06-01", 6],
    ]);
    const watch = await readAll(fixture("red_rawdata_asset.csv"));
    expect(watch.records[0]).toMatchObject({ asset: { asset_id: A2, labels: ["Docs", "Evergreen"] }, metrics: { partner_revenue: "0.5" } });
    expect(watch.records[0].metrics?.owned_views).toBeUndefined();
  });

  it("red video files: claims with policy, UC channel", async () => {
    const { records } = await readAll(fixture("red_music_rawdata_video.csv"));
    expect(records[0]).toMatchObject({ line: 3, video_id: "-abcDEF1234", custom_id: "-abcDEF1234", channel_id: CH, video_length: 245,
      claims: [{ asset_id: A1, claim_type: "Audio", claim_origin: "Audio match", policy: "Monetize" }], metrics: { period: "2023-06-01", owned_views: 33 } });
    expect(records[2].title).toBe("😀 Emoji title");
    expect(sum(records.map((r) => r.metrics?.partner_revenue))).toBe("0.320021676471");
  });

  it("Shorts summaries: in_shorts_report, Engaged or Total Views, net revenue", async () => {
    const engaged = await readAll(fixture("shorts_ads_engaged_views.csv"));
    expect(engaged.records[0]).toMatchObject({ video_id: "Qq-Ww_Ee1Rr", in_shorts_report: true, video_length: 30, metrics: { owned_views: 5000, partner_revenue: "1.25" } });
    expect(engaged.records[0].metrics?.period).toBeUndefined();
    const total = await readAll(fixture("shorts_ads_total_views.csv"));
    expect(total.records[0]).toMatchObject({ in_shorts_report: true, metrics: { owned_views: 4000, partner_revenue: "1" } });
    const sub = await readAll(fixture("shorts_subscription_video_summary.csv"));
    expect(sub.records[0]).toMatchObject({ line: 3, in_shorts_report: true, metrics: { period: "2025-06-01", owned_views: 77, partner_revenue: "0.07" } });
  });

  it("Videos report: one row per claim, metadata, booleans, timestamps", async () => {
    const { records } = await readAll(fixture("videos_report.csv"));
    expect(records[0]).toMatchObject({
      video_id: "-abcDEF1234", channel_id: CH, title: "Live in Lisbon, Part 1", time_uploaded: "2023-05-01T10:00:00.000Z",
      time_published: "2023-05-02T12:30:00.000Z", video_length: 245, views: 123456, privacy_status: "public", category: "Music",
      embedding_allowed: true, ratings_allowed: true, comments_allowed: false, upload_source: "web", claimed_by_this_owner: true,
      claimed_by_another_owner: false, other_owners_claiming: null, effective_policy: "Monetize in all countries", custom_id: "SR-001",
      isrc: "USRC17607839", claims: [{ claim_id: "clm-001", asset_id: A1, claim_origin: "Audio match" }],
    });
    expect(records[1].claims).toEqual([{ claim_id: "clm-002", asset_id: A2, claim_origin: "Audio match" }]);
    expect(records[0].metrics).toBeUndefined();
    expect(records[2]).toMatchObject({ channel_id: CH2, time_published: "2025-03-01T09:00:00.000Z", embedding_allowed: true,
      ratings_allowed: false, claimed_by_this_owner: false, claimed_by_another_owner: true, other_owners_claiming: "Other Owner Ltd", claims: [] });
  });

  it("API files: a4 views, a1 revenue, a3 claims with comma labels", async () => {
    const a4 = await readAll(fixture("content_owner_basic_a4.csv"));
    expect(a4.records.map((r) => r.metrics)).toEqual([{ period: "2025-06-01", owned_views: 100 }, { period: "2025-06-01", owned_views: 12 }]);
    expect(a4.records[0].channel_id).toBe(CH);
    const a1 = await readAll(fixture("content_owner_ad_revenue_raw_a1.csv"));
    expect(a1.records[0]).toMatchObject({ video_id: "dQw4w9WgXcQ", channel_id: CH2, effective_policy: "Monetize", metrics: { owned_views: 50, partner_revenue: "0.2" } });
    const a3 = await readAll(fixture("content_owner_active_claims_a3.csv"));
    expect(a3.records[0]).toMatchObject({ video_id: "-abcDEF1234", upc: "0602577012345", views: 123456,
      claims: [{ claim_id: "clm-001", asset_id: A1, claim_status: "ACTIVE", claim_type: "audio", claim_origin: "Audio match" }] });
  });
});
