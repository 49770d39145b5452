import { describe, expect, it } from "vitest";
import { normalizeHeaderName } from "@/lib/import/parse";
import { fixture, scan } from "./parse-helpers";

describe("report kind detection", () => {
  const cases: [string, string, number, "video" | "asset", boolean][] = [
    ["claim_raw.csv", "claim_raw", 4, "video", false],
    ["video_raw.csv", "video_raw", 3, "video", false],
    ["adj_video_raw.csv", "video_raw", 2, "video", false],
    ["video_summary.csv", "video_summary", 2, "video", false],
    ["asset_raw.csv", "asset_raw", 2, "asset", false],
    ["asset_raw_music.csv", "asset_raw_music", 2, "asset", false],
    ["red_music_rawdata_video.csv", "red_music_rawdata_video", 3, "video", false],
    ["red_rawdata_video.csv", "red_rawdata_video", 1, "video", false],
    ["red_rawdata_asset.csv", "red_rawdata_asset", 1, "asset", false],
    ["red_music_rawdata_asset.csv", "red_music_rawdata_asset", 2, "asset", false],
    ["shorts_ads_engaged_views.csv", "shorts_ads_video_summary", 2, "video", true],
    ["shorts_ads_total_views.csv", "shorts_ads_video_summary", 1, "video", true],
    ["shorts_subscription_video_summary.csv", "shorts_subscription_video_summary", 1, "video", true],
    ["videos_report.csv", "videos_report", 3, "video", false],
    ["content_owner_basic_a4.csv", "content_owner_basic_a4", 2, "video", false],
    ["content_owner_ad_revenue_raw_a1.csv", "content_owner_ad_revenue_raw_a1", 1, "video", false],
    ["content_owner_active_claims_a3.csv", "content_owner_active_claims_a3", 1, "video", false],
  ];
  it.each(cases)("%s → %s", async (file, kind, rows, level, shorts) => {
    const result = await scan(fixture(file));
    expect(result.fileError).toBeUndefined();
    expect(result.header?.kind).toMatchObject({ id: kind, level, isShortsReport: shorts });
    expect(result.totalRows).toBe(rows);
  });

  it("skips the one-field title line above the header", async () => {
    const result = await scan(fixture("red_rawdata_asset.csv"));
    expect(result.header?.headerLine).toBe(2);
    expect(result.header?.columns[0]).toBe("Adjustment Type");
  });

  it("strips the BOM from the first header name", async () => {
    const result = await scan(fixture("claim_raw.csv"));
    expect(result.header?.columns[0]).toBe("Adjustment Type");
  });

  it("maps Title Case and snake_case names the same", () => {
    expect(normalizeHeaderName("Video Duration (sec)")).toBe("video_duration_sec");
    expect(normalizeHeaderName("Partner Revenue : Auction")).toBe("partner_revenue_auction");
    expect(normalizeHeaderName("adjustment_type_")).toBe("adjustment_type");
    expect(normalizeHeaderName("Multiple Claims?")).toBe("multiple_claims");
    expect(normalizeHeaderName("Net Partner Revenue (Post revshare)")).toBe("net_partner_revenue_post_revshare");
  });

  it("finds the same kind with the columns in another order", async () => {
    const text = fixture("shorts_ads_total_views.csv").toString().trim().split("\n").map((l) => l.split(",").reverse().join(",")).join("\n");
    const result = await scan(Buffer.from(text));
    expect(result.header?.kind.id).toBe("shorts_ads_video_summary");
  });
});
