import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/route";
import { catalogWhere } from "@/lib/catalog/catalog-filters";
import { countMatches, reconcileWithPage } from "@/lib/catalog/catalog-total";
import type { CatalogPage, CatalogVideo } from "@/lib/catalog/contract";
import { catalogFiltersSchema, catalogQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { searchVideos } from "@/lib/catalog/search-videos";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createTestUser, routeContext, signedInRequest, type TestUser } from "@/tests/helpers/session";
import { buildSeed, HIDDEN_CHANNELS, HISTORY_VIDEO, insertSeed, type Seed } from "./catalog-fixture";
import { expectedVideos, type Params } from "./catalog-expect";

// GET /api/videos on a seeded catalog: every filter and sort, alone and combined, checked against the same
// question answered in plain JavaScript over the seed (catalog-expect.ts).

let database: TestDatabase;
let user: TestUser;
let seed: Seed;

beforeAll(async () => {
  database = await createTestDatabase();
  user = await createTestUser(database.db);
  seed = buildSeed(300);
  await insertSeed(database.db, seed);
});
afterAll(() => database.drop());

async function get(params: Params): Promise<{ status: number; body: CatalogPage & { message?: string; details?: { field: string; message: string }[] } }> {
  const response = await GET(await signedInRequest(`/api/videos?${new URLSearchParams(params)}`, { user }), routeContext());
  return { status: response.status, body: await response.json() };
}

/** Every page of the answer, concatenated; checks the paging fields on the way. */
async function allPages(params: Params, perPage = 100): Promise<{ videos: CatalogVideo[]; total: number }> {
  const videos: CatalogVideo[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const { status, body } = await get({ ...params, page: String(page), per_page: String(perPage) });
    expect(status, body.message).toBe(200);
    expect(body).toMatchObject({ current_page: page, per_page: perPage, total_is_estimate: false, pages: Math.ceil(body.total / perPage) });
    total = body.total;
    videos.push(...body.videos);
    if (page >= body.pages) return { videos, total };
  }
}

const asset = () => seed.videos.find((v) => v.asset_id !== null)!.asset_id!;

const FILTERS: Params[] = [
  {},
  { search: "love" }, { search: "LIVE" }, { search: "  night  " }, { search: "100%" }, { search: "_" }, { search: "\\" },
  { search: "ünï", hidden: "all" }, { channel_search: "music" }, { channel_search: "sound_lab" }, { channel_search: "ALPHA" },
  { video_id: HISTORY_VIDEO }, { video_id: " -" }, { custom_id: "CUST-005" }, { has_asset_id: "yes" }, { has_asset_id: "no" },
  { category: "Music" }, { duration: "short" }, { duration: "medium" }, { duration: "long" }, { policy: "Monetize" },
  { claimed_status: "claimed" }, { claimed_status: "unclaimed" }, { is_short: "yes" }, { is_short: "no" }, { genre: "Pop" },
  { genre: "Latin" }, { has_upc: "yes" }, { has_upc: "no" }, { has_isrc: "yes" }, { has_isrc: "no" }, { label: "North Records" },
  { updated_since: "2025-06-01" }, { updated_since: "2025-07-15T12:00:00Z" }, { hidden: "yes" }, { hidden: "all" },
];

const COMBINATIONS: Params[] = [
  { has_asset_id: "yes", duration: "medium" },
  { search: "love", has_asset_id: "yes", duration: "medium", category: "Music" },
  { channel_search: "music", policy: "Monetize", is_short: "no", sort: "views:desc" },
  { genre: "Pop", has_isrc: "yes", has_upc: "no", sort: "title:asc", hidden: "all" },
  { category: "Music", claimed_status: "claimed", label: "North Records", sort: "video_length:desc" },
  { updated_since: "2025-06-01", duration: "short", is_short: "yes", sort: "time_published:asc" },
  { search: "night", channel_search: "a", hidden: "yes" },
];

describe("GET /api/videos filters", () => {
  it("adds a few videos whose answer is known", () => {
    expect(seed.videos.length).toBe(300);
  });

  it.each([...FILTERS, { asset_id: "(first asset)" }].map((p) => [JSON.stringify(p), p] as const))("filter %s", async (_, raw) => {
    const params = raw.asset_id ? { asset_id: asset() } : raw;
    const expected = expectedVideos(seed, params);
    if (!params.video_id?.includes("-")) expect(expected.length, "a case must match something").toBeGreaterThan(0);
    const { videos, total } = await allPages(params);
    expect(total).toBe(expected.length);
    expect(videos).toEqual(expected);
  });

  it.each(COMBINATIONS.map((p) => [JSON.stringify(p), p] as const))("combination %s", async (_, params) => {
    const expected = expectedVideos(seed, params);
    expect(expected.length, "a combination must match something").toBeGreaterThan(0);
    const { videos, total } = await allPages(params);
    expect(total).toBe(expected.length);
    expect(videos).toEqual(expected);
  });
});

describe("GET /api/videos sorting and paging", () => {
  const sorts = ["updated_at", "time_published", "views", "video_length", "title"].flatMap((f) => [`${f}:asc`, `${f}:desc`]);

  it.each(sorts)("sort=%s orders every video, missing values smallest, ties by video_id", async (sort) => {
    const expected = expectedVideos(seed, { sort, hidden: "all" });
    const { videos } = await allPages({ sort, hidden: "all" });
    expect(videos.map((v) => v.video_id)).toEqual(expected.map((v) => v.video_id));
  });

  it("pages of 7 add up to the whole list in a stable order", async () => {
    const params = { sort: "views:asc", hidden: "all" };
    const expected = expectedVideos(seed, params);
    const { videos, total } = await allPages(params, 7);
    expect(total).toBe(300);
    expect(videos.map((v) => v.video_id)).toEqual(expected.map((v) => v.video_id));
    const beyond = await get({ ...params, per_page: "7", page: "1000" });
    expect(beyond.body).toMatchObject({ videos: [], total: 300, pages: Math.ceil(300 / 7), current_page: 1000 });
  });

  it("defaults to 20 per page, newest change first", async () => {
    const { body } = await get({});
    const expected = expectedVideos(seed, {});
    expect(body.per_page).toBe(20);
    expect(body.current_page).toBe(1);
    expect(body.videos.map((v) => v.video_id)).toEqual(expected.slice(0, 20).map((v) => v.video_id));
  });
});

describe("GET /api/videos rows", () => {
  it("carries the latest audit record of each video, not the last written", async () => {
    const { body } = await get({ video_id: HISTORY_VIDEO });
    expect(body.videos).toHaveLength(1);
    expect(body.videos[0]).toMatchObject({
      last_synced: "2025-05-01T00:00:00.000Z", last_source: "user", last_changes: { title: ["second", "newest"] }, sandbox: false,
    });
  });

  it("marks videos with API data as sandbox data while the API is the local sandbox", async () => {
    const before = process.env.YOUTUBE_API_ROOT_URL;
    process.env.YOUTUBE_API_ROOT_URL = "http://127.0.0.1:9/";
    resetEnvCache();
    try {
      const { videos } = await allPages({ hidden: "all" });
      expect(videos).toEqual(expectedVideos(seed, { hidden: "all" }, true));
      expect(videos.find((v) => v.video_id === HISTORY_VIDEO)?.sandbox).toBe(true);
      expect(videos.some((v) => !v.sandbox) && videos.some((v) => v.sandbox && v.last_source !== "api")).toBe(true);
    } finally {
      if (before === undefined) delete process.env.YOUTUBE_API_ROOT_URL;
      else process.env.YOUTUBE_API_ROOT_URL = before;
      resetEnvCache();
    }
  });

  it("leaves out hidden videos and the videos of hidden channels unless asked", async () => {
    const ofHiddenChannel = seed.videos.filter((v) => HIDDEN_CHANNELS.includes(v.channel_id ?? "") && !v.hidden).map((v) => v.video_id);
    const hiddenItself = seed.videos.filter((v) => v.hidden).map((v) => v.video_id);
    expect(ofHiddenChannel.length).toBeGreaterThan(0);
    expect(hiddenItself.length).toBeGreaterThan(0);
    const shown = (await allPages({})).videos.map((v) => v.video_id);
    for (const id of [...ofHiddenChannel, ...hiddenItself]) expect(shown).not.toContain(id);
    const onlyHidden = (await allPages({ hidden: "yes" })).videos.map((v) => v.video_id);
    expect(new Set(onlyHidden)).toEqual(new Set([...ofHiddenChannel, ...hiddenItself]));
    expect((await allPages({ hidden: "all" })).total).toBe(300);
  });

  it("falls back to the planner's estimate when counting would be slow or pass the limit, never below what it counted", async () => {
    const where = catalogWhere(catalogFiltersSchema.parse({ hidden: "all" }), []);
    expect(await countMatches(database.db, where)).toEqual({ total: 300, estimated: false });
    const pastLimit = await countMatches(database.db, where, { limit: 10 });
    expect(pastLimit.estimated).toBe(true);
    expect(pastLimit.total).toBeGreaterThanOrEqual(11);
    const tooCostly = await countMatches(database.db, where, { maxCost: 0 });
    expect(tooCostly.estimated).toBe(true);
    expect(tooCostly.total).toBeGreaterThan(0);
  });

  it("corrects an estimate with what the page shows", async () => {
    const query = (params: Params) => catalogQuerySchema.parse({ hidden: "all", ...params });
    const estimate = { countLimits: { maxCost: 0 }, apiSandbox: false };
    const full = await searchVideos(database.db, query({ per_page: "10", page: "3" }), estimate);
    expect(full).toMatchObject({ total_is_estimate: true, current_page: 3 });
    expect(full.total).toBeGreaterThanOrEqual(30);
    expect(full.pages).toBe(Math.ceil(full.total / 10));
    // A page that is not full ends the list: the total is then exact.
    expect(await searchVideos(database.db, query({ per_page: "70", page: "5" }), estimate)).toMatchObject({ total: 300, total_is_estimate: false, pages: 5 });
    expect(await searchVideos(database.db, query({ video_id: HISTORY_VIDEO }), estimate)).toMatchObject({ total: 1, total_is_estimate: false });
    expect(reconcileWithPage({ total: 5000, estimated: true }, 400, 0, 20)).toEqual({ total: 400, estimated: true });
  });
});

describe("GET /api/videos refuses bad parameters", () => {
  it.each([
    ["duration", "forever", "short, medium, long"],
    ["sort", "colour:asc", "updated_at, time_published, views, video_length, title"],
    ["sort", "views:up", "asc or desc"],
    ["sort", "views", "asc or desc"],
    ["per_page", "0", "1 to 100"],
    ["per_page", "101", "1 to 100"],
    ["per_page", "2.5", "1 to 100"],
    ["page", "0", "whole number"],
    ["page", "x", "whole number"],
    ["updated_since", "2025-02-30", "ISO date"],
    ["updated_since", "yesterday", "ISO date"],
    ["has_asset_id", "true", "yes, no"],
    ["is_short", "1", "yes, no"],
    ["has_upc", "maybe", "yes, no"],
    ["has_isrc", "Y", "yes, no"],
    ["hidden", "none", "no, yes, all"],
    ["search", "x".repeat(201), "200 characters"],
    ["search", "love\u0001", "control characters"],
  ])("%s=%s → 400 naming it and the allowed values", async (param, value, allowed) => {
    const { status, body } = await get({ [param]: value });
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: "error" });
    expect(body.message).toContain(param);
    expect(body.message).toContain(allowed);
    expect(body.details?.[0]?.field).toBe(param);
  });

  it("ignores unknown parameters and treats empty ones as not set", async () => {
    const { status, body } = await get({ colour: "blue", duration: "", search: " " });
    expect(status).toBe(200);
    expect(body.total).toBe(expectedVideos(seed, {}).length);
  });
});
