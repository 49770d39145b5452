import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { quotaLedger, videos } from "@/lib/db/schema";
import { createApiCaller } from "@/lib/enrichment/api-call";
import { MAX_PAGES, ownershipUpdate } from "@/lib/enrichment/tasks/ownership-update";
import { startTaskFixture, type TaskFixture } from "./task-fixture";
import { candidates, claimCount, exists, only, ours, pick, theirs } from "./ownership-update-videos";

// ownership_update reads every page of its claimSearch: each page is a request of its own (and a call in our
// quota ledger), claims of one video may be split across pages, and a search that never ends fails the task
// rather than recording half an answer.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(async () => {
  await f.reset();
  await f.db.execute(sql`TRUNCATE quota_ledger`);
  f.sandbox.setPageSize(25);
});

const SEARCH = "/youtube/partner/v1/claimSearch";
const claimsOf = (ids: string[]) => ids.reduce((sum, id) => sum + claimCount(id), 0);
const ownershipOf = async (ids: string[]) =>
  (await f.db.select().from(videos).where(inArray(videos.videoId, ids)))
    .map((v) => [v.videoId, v.claimedStatus, v.claimedByThisOwner, v.claimedByAnotherOwner] as const)
    .sort(([a], [b]) => a.localeCompare(b));

// The sandbox lists each video's claims together, ours first, in request order. Two of ours ahead of SPLIT fill
// all but one slot of a 3-claim page, so SPLIT's own claim ends page 1 and the other owner's starts page 2.
const TWO_OF_OURS = pick((id) => ours(id).length === 2 && theirs(id).length === 0);
const SPLIT = pick((id) => only(["active"])(ours(id)) && only(["active"])(theirs(id)));
const BATCH = [TWO_OF_OURS, SPLIT, ...candidates.filter((id) => exists(id) && ![TWO_OF_OURS, SPLIT].includes(id)).slice(0, 10)];

describe("ownership_update paging", () => {
  it("follows nextPageToken to the last page, one request per page, and gets the answer one page would give", async () => {
    await f.db.insert(videos).values(BATCH.map((videoId) => ({ videoId })));
    f.sandbox.setPageSize(3);
    const search = (pageToken?: string) => f.clients.partner.claimSearch.list({ videoId: BATCH, includeThirdPartyClaims: true, pageToken });
    const first = (await search()).data;
    const second = (await search(first.nextPageToken)).data;
    expect([first.items?.at(-1), second.items?.[0]].map((c) => [c?.videoId, c?.thirdPartyClaim])).toEqual([[SPLIT, false], [SPLIT, true]]);
    f.sandbox.clearRequests();

    const ctx = f.context();
    const result = await ownershipUpdate.run(ctx, BATCH);

    const pages = Math.ceil(claimsOf(BATCH) / 3);
    expect(pages).toBeGreaterThan(3);
    const calls = f.requestsTo(SEARCH);
    expect(calls).toHaveLength(pages);
    expect(ctx.calls).toEqual(Array(pages).fill("claimSearch.list"));
    expect(calls[0].query.pageToken).toBeUndefined();
    for (const call of calls.slice(1)) expect(call.query.pageToken).toEqual(expect.any(String));
    expect(new Set(calls.map((c) => c.query.pageToken)).size).toBe(pages);
    for (const call of calls) expect(call.query).toMatchObject({ videoId: BATCH.join(","), includeThirdPartyClaims: "true" });

    // SPLIT's claims straddle pages 1 and 2: both count.
    expect(result.items[SPLIT]).toMatchObject({ status: "updated", changes: { claimed_by_this_owner: [null, true], claimed_by_another_owner: [null, true] } });
    expect(result.videosTouched).toBe(BATCH.length);
    expect(await f.auditRows()).toHaveLength(BATCH.length);

    const paged = await ownershipOf(BATCH);
    await f.reset();
    await f.db.insert(videos).values(BATCH.map((videoId) => ({ videoId })));
    f.sandbox.setPageSize(1000);
    await ownershipUpdate.run(f.context(), BATCH);
    expect(f.requestsTo(SEARCH)).toHaveLength(1);
    expect(await ownershipOf(BATCH)).toEqual(paged);
  });

  it("bills every page as a call in the quota ledger", async () => {
    await f.db.insert(videos).values(BATCH.map((videoId) => ({ videoId })));
    f.sandbox.setPageSize(4);
    const now = new Date("2026-03-02T10:00:00Z");
    const caller = createApiCaller({ db: f.db, clock: { now: () => now }, budget: 1000, sleep: async () => {}, retryCount: 0 });
    await ownershipUpdate.run(f.context({ call: caller.call, now }), BATCH);

    const pages = Math.ceil(claimsOf(BATCH) / 4);
    expect(f.requestsTo(SEARCH)).toHaveLength(pages);
    expect(caller.requests()).toBe(pages);
    const ledger = await f.db.select().from(quotaLedger);
    expect(ledger.find((r) => r.api === "claimSearch.list")).toMatchObject({ calls: pages, unitsUsed: pages });
    expect(ledger.find((r) => r.api === "total")).toMatchObject({ calls: pages, unitsUsed: pages });
  });

  it(`fails the task without recording anything when the search runs past ${MAX_PAGES} pages`, async () => {
    const crowded = candidates.filter((id) => claimCount(id) >= 3).slice(0, 50);
    expect(claimsOf(crowded)).toBeGreaterThan(MAX_PAGES);
    await f.db.insert(videos).values(crowded.map((videoId) => ({ videoId, claimedStatus: "claimed", claimedByThisOwner: true })));
    f.sandbox.setPageSize(1);

    await expect(ownershipUpdate.run(f.context(), crowded)).rejects.toThrow(`more than ${MAX_PAGES} pages`);
    expect(f.requestsTo(SEARCH)).toHaveLength(MAX_PAGES);
    expect(await f.auditRows()).toEqual([]);
    const [row] = await f.db.select().from(videos).where(eq(videos.videoId, crowded.at(-1)!));
    expect(row).toMatchObject({ claimedStatus: "claimed", claimedByThisOwner: true, apiSyncedAt: null });
  });
});
