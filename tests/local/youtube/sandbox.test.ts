import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { videoExists } from "@/local/youtube/fake-videos";
import { assetExists, assetIdFor, claimIdsForVideo, fakeAsset } from "@/local/youtube/fake-partner";
import { youtubeClients, isSandbox, type YouTubeClients } from "@/lib/youtube/clients";
import { classifyYouTubeError, type YouTubeErrorKind } from "@/lib/youtube/api-errors";

// Exercises the sandbox through the real googleapis Data API client and our Content ID client, so request
// paths, param serialisation, token refresh and error parsing are the production ones.

const ALL_PARTS = ["snippet", "contentDetails", "statistics", "status"];
const OWNER = "CO-sandbox-test";
let sandbox: YouTubeSandbox;
let yt: YouTubeClients;

const candidates = Array.from({ length: 400 }, (_, i) => `vid${String(i).padStart(8, "0")}`);
const existing = candidates.filter(videoExists);
const missing = candidates.find((id) => !videoExists(id))!;
const claimed = candidates.find((id) => claimIdsForVideo(id).length > 0)!;

function clientsFor(s: YouTubeSandbox): YouTubeClients {
  return youtubeClients({
    apiRootUrl: `${s.url}/`,
    partnerRootUrl: `${s.url}/`,
    tokenUrl: `${s.url}/token`,
    clientId: "test-client",
    clientSecret: "test-secret",
    refreshToken: "test-refresh",
    contentOwnerId: OWNER,
  });
}

async function kindOf(call: () => Promise<unknown>): Promise<YouTubeErrorKind | "ok"> {
  try {
    await call();
    return "ok";
  } catch (error) {
    return classifyYouTubeError(error).kind;
  }
}

beforeAll(async () => {
  sandbox = await startYouTubeSandbox({ port: 0 });
  yt = clientsFor(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.setFailure("none"));

describe("Data API videos.list", () => {
  it("returns made-up, deterministic videos and omits missing ids", async () => {
    const ids = [existing[0], missing, existing[1]];
    const res = await yt.data.videos.list({ part: ALL_PARTS, id: ids });
    // gaxios 7 exposes fetch Headers; googleapis-common still types them loosely.
    expect((res.headers as unknown as Headers).get("x-sandbox")).toBe("true");
    const items = res.data.items ?? [];
    expect(items.map((v) => v.id).sort()).toEqual([existing[0], existing[1]].sort());
    const video = items.find((v) => v.id === existing[0])!;
    expect(video.snippet?.channelId).toMatch(/^UC[\w-]{22}$/);
    expect(video.snippet?.description).toMatch(/^\[sandbox\]/);
    expect(video.snippet?.publishedAt).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(video.snippet?.tags?.length).toBeGreaterThan(0);
    expect(video.contentDetails?.duration).toMatch(/^PT(\d+H)?(\d+M)?(\d+S)?$/);
    expect(["hd", "sd"]).toContain(video.contentDetails?.definition);
    expect(typeof video.contentDetails?.licensedContent).toBe("boolean");
    expect(video.statistics?.viewCount).toMatch(/^\d+$/);
    expect(["public", "unlisted", "private"]).toContain(video.status?.privacyStatus);
    expect(typeof video.status?.madeForKids).toBe("boolean");

    const again = await yt.data.videos.list({ part: ALL_PARTS, id: ids });
    expect(again.data.items).toEqual(items);
  });

  it("returns only the requested parts", async () => {
    const res = await yt.data.videos.list({ part: ["statistics"], id: [existing[2]] });
    expect(res.data.items?.[0]?.statistics).toBeDefined();
    expect(res.data.items?.[0]?.snippet).toBeUndefined();
  });

  it("refuses more than 50 ids with a 400", async () => {
    const error = await yt.data.videos.list({ part: ["id"], id: existing.slice(0, 51) }).catch((e) => e);
    expect(classifyYouTubeError(error)).toMatchObject({ kind: "other", status: 400, reason: "invalidFilters" });
  });
});

describe("Content ID", () => {
  it("finds claims by video and reads them back", async () => {
    const search = await yt.partner.claimSearch.list({ videoId: claimed });
    const snippets = search.data.items ?? [];
    expect(snippets.length).toBe(claimIdsForVideo(claimed).length);
    expect(snippets[0]).toMatchObject({ kind: "youtubePartner#claimSnippet", videoId: claimed });
    expect(snippets[0].videoViews).toMatch(/^\d+$/);

    const claim = await yt.partner.claims.get({ claimId: snippets[0].id! });
    expect(claim.data).toMatchObject({ id: snippets[0].id, videoId: claimed, assetId: snippets[0].assetId });
    const listed = await yt.partner.claims.list({ videoId: claimed });
    expect(listed.data.items?.map((c) => c.id)).toEqual(snippets.map((c) => c.id));
  });

  it("gets an asset with effective metadata and ownership", async () => {
    const assetId = (await yt.partner.claimSearch.list({ videoId: claimed })).data.items![0].assetId!;
    const res = await yt.partner.assets.get({ assetId, fetchMetadata: "effective", fetchOwnership: "effective" });
    const meta = res.data.metadataEffective!;
    expect(meta.isrc).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
    expect(meta.upc).toMatch(/^\d{12}$/);
    expect(meta.title).toBeTruthy();
    expect(meta.artist?.length).toBe(1);
    expect(meta.notes).toMatch(/^\[sandbox\]/);
    expect(res.data.metadata).toEqual(meta);
    expect(res.data.ownershipEffective?.general?.[0]?.owner).toBe(OWNER);

    const bare = await yt.partner.assets.get({ assetId });
    expect(bare.data.metadataEffective).toBeUndefined();
  });

  it("keeps a leading zero in UPCs and lists assets by id", async () => {
    const zeroUpc = Array.from({ length: 200 }, (_, i) => assetIdFor(`upc-${i}`)).find(
      (id) => (fakeAsset(id, { metadata: ["mine"], ownership: [], owner: "" }).metadataMine as { upc: string }).upc.startsWith("0"),
    )!;
    const other = assetIdFor("another");
    const missingAsset = candidates.map((c) => `A${c}`).find((id) => !assetExists(id))!;
    const res = await yt.partner.assets.list({ id: [zeroUpc, other, missingAsset], fetchMetadata: "mine" });
    const items = res.data.items ?? [];
    expect(res.data.kind).toBe("youtubePartner#assetList");
    expect(items.map((a) => a.id).sort()).toEqual([zeroUpc, other].sort());
    expect(items.find((a) => a.id === zeroUpc)?.metadataMine?.upc).toMatch(/^0\d{11}$/);
  });

  it("gets video advertising options and 404s unknown ids", async () => {
    const res = await yt.partner.videoAdvertisingOptions.get({ videoId: existing[0] });
    expect(res.data).toMatchObject({ kind: "youtubePartner#videoAdvertisingOption", id: existing[0] });
    expect(await kindOf(() => yt.partner.videoAdvertisingOptions.get({ videoId: missing }))).toBe("not_found");
    expect(await kindOf(() => yt.partner.claims.get({ claimId: "nope" }))).toBe("not_found");
  });
});

describe("auth and request log", () => {
  it("refreshed the token via /token and logs quota per call", async () => {
    const log = sandbox.requests();
    expect(log.find((r) => r.path === "/token")).toMatchObject({ method: "POST", status: 200, quotaCost: 0 });
    expect(log.filter((r) => r.path === "/youtube/v3/videos").every((r) => r.quotaCost === 1)).toBe(true);
    const partnerCall = log.find((r) => r.path.startsWith("/youtube/partner/v1/"))!;
    expect(partnerCall.query.onBehalfOfContentOwner).toBe(OWNER);
    const viaHttp = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
    expect(viaHttp.requests.length).toBe(sandbox.requests().length);
    expect(isSandbox(`${sandbox.url}/`)).toBe(true);
    expect(isSandbox("https://youtube.googleapis.com/")).toBe(false);
  });

  it("rejects requests without an issued token in Google's error shape", async () => {
    const res = await fetch(`${sandbox.url}/youtube/v3/videos?part=id&id=${existing[0]}`, {
      headers: { authorization: "Bearer made-up" },
    });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 401, errors: [{ domain: "global", reason: "authError" }] });
  });

  it("classifies a refused refresh token as auth", async () => {
    sandbox.setFailure("invalid_token", { count: 1 });
    const fresh = clientsFor(sandbox);
    expect(await kindOf(() => fresh.data.videos.list({ part: ["id"], id: [existing[0]] }))).toBe("auth");
    const tokenCall = sandbox.requests().at(-1)!;
    expect(tokenCall).toMatchObject({ path: "/token", status: 400 });
    expect(await kindOf(() => fresh.data.videos.list({ part: ["id"], id: [existing[0]] }))).toBe("ok");
  });
});

describe("failure modes", () => {
  const cases: [Parameters<YouTubeSandbox["setFailure"]>[0], YouTubeErrorKind, number][] = [
    ["quota_exceeded", "quota_exceeded", 403],
    ["rate_limited", "rate_limited", 429],
    ["server_error", "transient", 500],
    ["unavailable", "transient", 503],
    ["not_found", "not_found", 404],
    ["invalid_token", "auth", 401],
  ];
  it.each(cases)("%s fails `count` requests as %s, then recovers", async (mode, kind, status) => {
    const call = () => yt.data.videos.list({ part: ["id"], id: [existing[0]] });
    await call(); // make sure a token is held, so invalid_token hits the API rather than /token
    sandbox.setFailure(mode, { count: 2 });
    const error = await call().catch((e) => e);
    expect(classifyYouTubeError(error)).toMatchObject({ kind, status });
    expect(await kindOf(() => yt.partner.assets.get({ assetId: assetIdFor("x") }))).toBe(kind);
    expect(await kindOf(call)).toBe("ok");
  });

  it("rate limits carry Retry-After and quota errors the Google reason", async () => {
    sandbox.setFailure("rate_limited", { count: 1 });
    const limited = classifyYouTubeError(await yt.data.videos.list({ part: ["id"], id: [existing[0]] }).catch((e) => e));
    expect(limited).toMatchObject({ kind: "rate_limited", retryAfterMs: 1000, reason: "rateLimitExceeded" });
    sandbox.setFailure("quota_exceeded");
    for (let i = 0; i < 3; i++) {
      expect(await kindOf(() => yt.data.videos.list({ part: ["id"], id: [existing[0]] }))).toBe("quota_exceeded");
    }
    sandbox.setFailure("none");
    expect(await kindOf(() => yt.data.videos.list({ part: ["id"], id: [existing[0]] }))).toBe("ok");
  });

  it("is switchable over HTTP and can target one endpoint", async () => {
    const set = await fetch(`${sandbox.url}/__sandbox/failure`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "server_error", endpoint: "claimSearch" }),
    });
    expect(set.status).toBe(200);
    expect(await kindOf(() => yt.partner.claimSearch.list({ videoId: claimed }))).toBe("transient");
    expect(await kindOf(() => yt.data.videos.list({ part: ["id"], id: [existing[0]] }))).toBe("ok");
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: "DELETE" });
    expect(sandbox.requests()).toEqual([]);
  });
});
