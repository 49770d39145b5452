import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { claimIdsForVideo } from "@/local/youtube/fake-partner";
import { videoExists } from "@/local/youtube/fake-videos";
import { thirdPartyClaimIdsForVideo } from "@/local/youtube/third-party-claims";
import { youtubeClients, type YouTubeClients } from "@/lib/youtube/clients";
import { classifyYouTubeError } from "@/lib/youtube/api-errors";
import type { ClaimSnippet } from "@/lib/youtube/partner-types";

// claimSearch as ownership_update sees it: other owners' claims only when asked for, and results in pages of
// pageSize items, each page a request of its own.

let sandbox: YouTubeSandbox;
let yt: YouTubeClients;
const candidates = Array.from({ length: 600 }, (_, i) => `csearch${String(i).padStart(4, "0")}`).filter(videoExists);
const contested = candidates.find((id) => thirdPartyClaimIdsForVideo(id).length > 0 && claimIdsForVideo(id).length > 0)!;
const search = (params: Parameters<YouTubeClients["partner"]["claimSearch"]["list"]>[0]) => yt.partner.claimSearch.list(params);
const searchRequests = () => sandbox.requests().filter((r) => r.path === "/youtube/partner/v1/claimSearch");
const paging = (method: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/paging`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

async function allPages(videoId: string[]): Promise<{ items: ClaimSnippet[]; totals: number[] }> {
  const items: ClaimSnippet[] = [];
  const totals: number[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await search({ videoId, includeThirdPartyClaims: true, pageToken });
    items.push(...(data.items ?? []));
    totals.push(data.pageInfo?.totalResults ?? -1);
    pageToken = data.nextPageToken;
  } while (pageToken);
  return { items, totals };
}

beforeAll(async () => {
  sandbox = await startYouTubeSandbox();
  yt = youtubeClients({ apiRootUrl: `${sandbox.url}/`, partnerRootUrl: `${sandbox.url}/`, tokenUrl: `${sandbox.url}/token` });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.setPageSize(25);
  sandbox.clearRequests();
});

describe("third-party claims", () => {
  it("make about one claim in six", () => {
    const ours = candidates.flatMap(claimIdsForVideo).length;
    const theirs = candidates.flatMap(thirdPartyClaimIdsForVideo).length;
    expect(theirs / (ours + theirs)).toBeGreaterThan(1 / 9);
    expect(theirs / (ours + theirs)).toBeLessThan(1 / 4);
  });

  it("show up in claimSearch only with includeThirdPartyClaims=true, and never in claims.get/list", async () => {
    const without = (await search({ videoId: contested })).data.items ?? [];
    expect(without.map((c) => c.id)).toEqual(claimIdsForVideo(contested));
    expect(without.every((c) => c.thirdPartyClaim === false)).toBe(true);

    const withThem = (await search({ videoId: contested, includeThirdPartyClaims: true })).data.items ?? [];
    const [theirId] = thirdPartyClaimIdsForVideo(contested);
    expect(withThem.map((c) => c.id)).toEqual([...claimIdsForVideo(contested), theirId]);
    const theirs = withThem.find((c) => c.id === theirId)!;
    expect(theirs).toMatchObject({ kind: "youtubePartner#claimSnippet", videoId: contested, thirdPartyClaim: true, isPartnerUploaded: false });
    // Another owner's asset is not ours to see.
    expect(theirs.assetId).toBeUndefined();
    expect(theirs.status).toMatch(/^(active|inactive|pending)$/);

    expect(classifyYouTubeError(await yt.partner.claims.get({ claimId: theirId }).catch((e) => e)).kind).toBe("not_found");
    const listed = (await yt.partner.claims.list({ videoId: contested })).data.items ?? [];
    expect(listed.map((c) => c.id)).toEqual(claimIdsForVideo(contested));
  });
});

describe("paging", () => {
  const batch = candidates.slice(0, 40);
  const expected = batch.flatMap((v) => [...claimIdsForVideo(v), ...thirdPartyClaimIdsForVideo(v)]);

  it("answers pageSize items per request and hands out tokens for the rest", async () => {
    expect(sandbox.pageSize()).toBe(25);
    expect(expected.length).toBeGreaterThan(25);
    const first = (await search({ videoId: batch, includeThirdPartyClaims: true })).data;
    expect(first.items).toHaveLength(25);
    expect(first.pageInfo).toEqual({ totalResults: expected.length, resultsPerPage: 25, startIndex: 0 });
    expect(first.previousPageToken).toBeUndefined();

    const second = (await search({ videoId: batch, includeThirdPartyClaims: true, pageToken: first.nextPageToken })).data;
    expect(second.pageInfo).toMatchObject({ totalResults: expected.length, startIndex: 25 });
    expect(second.previousPageToken).toBeDefined();
    const back = (await search({ videoId: batch, includeThirdPartyClaims: true, pageToken: second.previousPageToken })).data;
    expect(back.items).toEqual(first.items);

    sandbox.setPageSize(7);
    sandbox.clearRequests();
    const { items, totals } = await allPages(batch);
    expect(items.map((c) => c.id)).toEqual(expected);
    expect(searchRequests()).toHaveLength(Math.ceil(expected.length / 7));
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it("refuses a token from another query or a made-up one with 400 invalidPageToken", async () => {
    sandbox.setPageSize(2);
    const { data } = await search({ videoId: batch, includeThirdPartyClaims: true });
    for (const pageToken of [data.nextPageToken!, "bm9wZQ"]) {
      const error = await search({ videoId: batch.slice(1), includeThirdPartyClaims: true, pageToken }).catch((e) => e);
      expect(classifyYouTubeError(error)).toMatchObject({ status: 400, reason: "invalidPageToken" });
    }
  });

  it("is settable over HTTP", async () => {
    expect(await (await paging("POST", { pageSize: 3 })).json()).toEqual({ pageSize: 3 });
    expect(await (await paging("GET")).json()).toEqual({ pageSize: 3 });
    expect((await search({ videoId: batch, includeThirdPartyClaims: true })).data.items).toHaveLength(3);
    expect((await paging("POST", { pageSize: 0 })).status).toBe(400);
    expect(sandbox.pageSize()).toBe(3);
  });
});
