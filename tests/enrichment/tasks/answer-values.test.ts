import { describe, expect, it } from "vitest";
import { adOptionValues } from "@/lib/enrichment/apply/ad-option-values";
import { assetMetadata, assetRowValues, videoValuesFromAsset } from "@/lib/enrichment/apply/asset-metadata-values";
import { CLEAR, diffFields } from "@/lib/enrichment/apply/field-diff";
import { isoDurationSeconds } from "@/lib/enrichment/apply/iso-duration";
import { indexById, matchAssetsById } from "@/lib/enrichment/apply/match-by-id";
import { ownershipValues } from "@/lib/enrichment/apply/ownership-values";
import { videoResourceValues } from "@/lib/enrichment/apply/video-resource-values";
import { categoryName } from "@/lib/enrichment/apply/youtube-categories";

// How API answers turn into column values, and how they are compared with what the catalog holds.

describe("ISO-8601 durations", () => {
  it.each([
    ["PT3M33S", 213],
    ["PT4S", 4],
    ["PT1M", 60],
    ["PT2H5S", 7205],
    ["P1DT2H3M4S", 93_784],
    ["P0D", 0],
    ["P1W", 604_800],
  ])("%s is %i seconds", (value, seconds) => expect(isoDurationSeconds(value)).toBe(seconds));

  it.each(["", "P", "PT", "3:33", "PT3M33", "-PT1S"])("%j is not a duration", (value) => expect(isoDurationSeconds(value)).toBeUndefined());
});

describe("categories", () => {
  it("names the category ids reports name", () => {
    expect([categoryName("10"), categoryName("24"), categoryName("22")]).toEqual(["Music", "Entertainment", "People & Blogs"]);
    expect(categoryName("999")).toBeUndefined();
    expect(categoryName(undefined)).toBeUndefined();
  });
});

describe("diffFields", () => {
  const current = { upc: null, isrc: "GBREPORT0001", genre: [], time_published: new Date("2020-01-01T00:00:00Z"), other: "x" };

  it("fills gaps, keeps non-empty values when asked, and skips proposals that say nothing", () => {
    const proposed = { upc: "0123", isrc: "USAPI0000001", genre: ["Pop"], other: "", time_published: undefined };
    expect(diffFields(current, proposed, () => true)).toEqual({ upc: [null, "0123"], genre: [[], ["Pop"]] });
    expect(diffFields(current, proposed, () => false)).toEqual({ upc: [null, "0123"], isrc: ["GBREPORT0001", "USAPI0000001"], genre: [[], ["Pop"]] });
  });

  it("compares dates by instant and clears only with CLEAR", () => {
    expect(diffFields(current, { time_published: new Date("2020-01-01T00:00:00.000Z") }, () => false)).toEqual({});
    expect(diffFields(current, { other: CLEAR, upc: CLEAR }, () => true)).toEqual({ other: ["x", null] });
  });
});

describe("matching answers by id", () => {
  const answer = [
    { id: "C1", aliasId: ["A1", "A2"] },
    { id: "A2" },
    { id: "B1" },
  ];

  it("maps requested ids by id or alias id, preferring an id answered as itself, whatever the order", () => {
    const matched = matchAssetsById(["B1", "A1", "A2", "GONE"], answer);
    expect(matched.get("A1")?.id).toBe("C1");
    expect(matched.get("A2")?.id).toBe("A2");
    expect(matched.get("B1")?.id).toBe("B1");
    expect(matched.has("GONE")).toBe(false);
    expect(matchAssetsById(["A1"], [...answer].reverse()).get("A1")?.id).toBe("C1");
  });

  it("indexes resources that echo their id", () => {
    expect([...indexById([{ id: "v2" }, { id: null }, { id: "v1" }]).keys()]).toEqual(["v2", "v1"]);
  });
});

describe("asset metadata", () => {
  it("reads metadataMine, else the deprecated metadata, and shapes artist per table", () => {
    const metadata = { customId: "C-1", artist: ["Ann", " ", "Bo"], genre: ["Pop", ""], upc: "012345678905", isrc: "", label: "L" };
    expect(assetMetadata({ metadataMine: metadata, metadata: { customId: "old" } })).toBe(metadata);
    expect(assetMetadata({ metadata })).toBe(metadata);
    expect(assetMetadata({})).toEqual({});
    expect(assetRowValues(metadata)).toMatchObject({ custom_id: "C-1", artist: "Ann, Bo", genre: ["Pop"], upc: "012345678905", isrc: undefined });
    expect(videoValuesFromAsset(metadata)).toEqual({ custom_id: "C-1", isrc: undefined, upc: "012345678905", label: "L", artist: ["Ann", "Bo"], genre: ["Pop"] });
  });
});

describe("videos.list values", () => {
  const video = {
    id: "v",
    snippet: { title: "T", categoryId: "24", publishedAt: "2024-11-02T15:04:05Z", liveBroadcastContent: "none" },
    contentDetails: { duration: "PT3M33S" },
    statistics: { viewCount: "123456", commentCount: "3" },
    status: { privacyStatus: "unlisted", embeddable: false, madeForKids: false },
  };

  it("maps every field the Data API gives", () => {
    expect(videoResourceValues(video)).toEqual({
      title: "T",
      video_length: 213,
      views: 123_456,
      privacy_status: "unlisted",
      embedding_allowed: false,
      comments_allowed: true,
      category: "Entertainment",
      time_published: new Date("2024-11-02T15:04:05Z"),
    });
  });

  it("reads comments from what the API leaves out, and a live P0D as no length", () => {
    expect(videoResourceValues({ ...video, statistics: { viewCount: "1" } }).comments_allowed).toBe(false);
    expect(videoResourceValues({ ...video, status: { madeForKids: true } }).comments_allowed).toBe(false);
    expect(videoResourceValues({ ...video, statistics: undefined }).comments_allowed).toBeUndefined();
    const live = { ...video, snippet: { ...video.snippet, liveBroadcastContent: "live" }, contentDetails: { duration: "P0D" } };
    expect(videoResourceValues(live).video_length).toBeUndefined();
    expect(videoResourceValues({ ...video, contentDetails: { duration: "P0D" } }).video_length).toBe(0);
  });
});

describe("ownership values", () => {
  it("tells our claims from third-party ones and ignores released claims", () => {
    expect(ownershipValues([{ status: "active" }, { status: "inactive", thirdPartyClaim: true }])).toEqual({
      claimed_status: "claimed",
      claimed_by_this_owner: true,
      claimed_by_another_owner: false,
      other_owners_claiming: CLEAR,
    });
    // The API names no owner: a report's names stay while someone else claims.
    expect(ownershipValues([{ status: "pending", thirdPartyClaim: true }])).toEqual({
      claimed_status: "claimed",
      claimed_by_this_owner: false,
      claimed_by_another_owner: true,
      other_owners_claiming: undefined,
    });
    expect(ownershipValues([])).toMatchObject({ claimed_status: "unclaimed", claimed_by_this_owner: false, claimed_by_another_owner: false });
  });
});

describe("advertising option values", () => {
  it("maps third-party ads and break positions, and nothing the answer leaves out", () => {
    expect(adOptionValues({ adFormats: ["third_party_ads"], breakPosition: ["preroll"] })).toEqual({
      ad_third_party: true,
      ad_preroll: true,
      ad_midroll: false,
      ad_postroll: false,
    });
    expect(adOptionValues({ adBreaks: [{ position: "midroll", midrollSeconds: 60 }] })).toEqual({ ad_preroll: false, ad_midroll: true, ad_postroll: false });
    expect(adOptionValues({ adFormats: [] })).toEqual({ ad_third_party: false });
    expect(adOptionValues({})).toEqual({});
  });
});
