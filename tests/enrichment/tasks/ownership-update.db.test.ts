import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { videos } from "@/lib/db/schema";
import { ownershipUpdate } from "@/lib/enrichment/tasks/ownership-update";
import { CONTENT_OWNER, startTaskFixture, type TaskFixture } from "./task-fixture";
import { candidates, claimCount, exists, only, ours, pick, theirs } from "./ownership-update-videos";

// ownership_update end to end through our Content ID client's claimSearch.list: who claims each video we hold
// (we, other owners, or nobody), with one search for the batch. Paging: ownership-update-paging.db.test.ts.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

const none = (statuses: string[]) => statuses.length === 0;
const CLAIMED = pick((id) => ours(id).includes("active") && none(theirs(id)));
const ONLY_INACTIVE = pick((id) => ours(id).length > 0 && ours(id).every((s) => s === "inactive") && none(theirs(id)));
const UNCLAIMED = pick((id) => exists(id) && none(ours(id)) && none(theirs(id)));
// claimSearch cannot tell an unknown video from an unclaimed one: for a video we hold, the answer is "unclaimed".
const UNKNOWN_TO_API = pick((id) => !exists(id));
const NOT_IN_CATALOG = pick((id) => claimCount(id) > 0, [CLAIMED, ONLY_INACTIVE, UNCLAIMED]);
// Other owners' claims, which only claimSearch with includeThirdPartyClaims shows.
const THEIRS_ONLY = pick((id) => none(ours(id)) && only(["active"])(theirs(id)));
const BOTH = pick((id) => ours(id).includes("active") && only(["active"])(theirs(id)));
const THEIRS_RELEASED = pick((id) => none(ours(id)) && only(["inactive"])(theirs(id)));
const ALREADY_RIGHT = pick((id) => ours(id).includes("active") && only(["active"])(theirs(id)), [BOTH]);

const reportSaysClaimedByOthers = {
  claimedStatus: "claimed",
  claimedByThisOwner: true,
  claimedByAnotherOwner: true,
  otherOwnersClaiming: "Other Label Ltd",
};
const videoRow = async (id: string) => (await f.db.select().from(videos).where(eq(videos.videoId, id)))[0];

describe("ownership_update", () => {
  it("derives claim state per video from one claimSearch request, auditing only changes", async () => {
    await f.db.insert(videos).values([
      { videoId: CLAIMED, claimedStatus: "unclaimed", claimedByThisOwner: false },
      { videoId: ONLY_INACTIVE, ...reportSaysClaimedByOthers },
      { videoId: UNCLAIMED, ...reportSaysClaimedByOthers },
      { videoId: UNKNOWN_TO_API },
    ]);
    const ids = [CLAIMED, ONLY_INACTIVE, UNCLAIMED, UNKNOWN_TO_API, NOT_IN_CATALOG];
    const ctx = f.context();
    const result = await ownershipUpdate.run(ctx, ids);

    expect(ctx.calls).toEqual(["claimSearch.list"]);
    const calls = f.requestsTo("/youtube/partner/v1/claimSearch");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.videoId.split(",").sort()).toEqual([...ids].sort());
    expect(calls[0].query).toMatchObject({ includeThirdPartyClaims: "true", onBehalfOfContentOwner: CONTENT_OWNER });

    expect(await videoRow(CLAIMED)).toMatchObject({ claimedStatus: "claimed", claimedByThisOwner: true, claimedByAnotherOwner: false, apiSyncedAt: ctx.now });
    expect(result.items[CLAIMED]).toEqual({
      status: "updated",
      changes: { claimed_status: ["unclaimed", "claimed"], claimed_by_this_owner: [false, true], claimed_by_another_owner: [null, false] },
    });
    const cleared = {
      claimed_status: ["claimed", "unclaimed"],
      claimed_by_this_owner: [true, false],
      claimed_by_another_owner: [true, false],
      other_owners_claiming: ["Other Label Ltd", null],
    };
    // Released claims do not claim the video.
    expect(result.items[ONLY_INACTIVE]).toEqual({ status: "updated", changes: cleared });
    expect(result.items[UNCLAIMED]).toEqual({ status: "updated", changes: cleared });
    expect(await videoRow(UNCLAIMED)).toMatchObject({ claimedStatus: "unclaimed", claimedByAnotherOwner: false, otherOwnersClaiming: null });
    expect(result.items[UNKNOWN_TO_API]).toMatchObject({ status: "updated", changes: { claimed_status: [null, "unclaimed"] } });
    expect(result.items[NOT_IN_CATALOG]).toMatchObject({ status: "not_found" });
    expect(result.videosTouched).toBe(4);

    const audit = await f.auditRows();
    expect(audit.map((r) => r.videoId).sort()).toEqual([CLAIMED, ONLY_INACTIVE, UNCLAIMED, UNKNOWN_TO_API].sort());
    for (const row of audit) expect(row).toMatchObject({ sourceKind: "api", sourceId: "claimSearch.list", taskId: ctx.taskId, sandbox: true });
    expect(audit.find((r) => r.videoId === UNCLAIMED)!.changes).toEqual(cleared);

    const again = await ownershipUpdate.run(f.context(), ids);
    expect(await f.auditRows()).toHaveLength(4);
    expect(again.items[CLAIMED]).toEqual({ status: "unchanged" });
  });

  it("records other owners' claims as claimed_by_another_owner, keeping the names reports gave, auditing only changed fields", async () => {
    await f.db.insert(videos).values([
      // A report named another owner but said we claim it too; now only they do.
      { videoId: THEIRS_ONLY, claimedStatus: "claimed", claimedByThisOwner: true, claimedByAnotherOwner: false, otherOwnersClaiming: "Other Label Ltd" },
      { videoId: BOTH },
      { videoId: THEIRS_RELEASED, ...reportSaysClaimedByOthers },
      { videoId: ALREADY_RIGHT, claimedStatus: "claimed", claimedByThisOwner: true, claimedByAnotherOwner: true, otherOwnersClaiming: "Some Publisher" },
    ]);
    const ids = [THEIRS_ONLY, BOTH, THEIRS_RELEASED, ALREADY_RIGHT];
    const ctx = f.context();
    const result = await ownershipUpdate.run(ctx, ids);

    expect(f.requestsTo("/youtube/partner/v1/claimSearch")).toHaveLength(1);
    const theirsOnly = { claimed_by_this_owner: [true, false], claimed_by_another_owner: [false, true] };
    expect(result.items).toEqual({
      [THEIRS_ONLY]: { status: "updated", changes: theirsOnly },
      [BOTH]: {
        status: "updated",
        changes: { claimed_status: [null, "claimed"], claimed_by_this_owner: [null, true], claimed_by_another_owner: [null, true] },
      },
      // A released third-party claim claims nothing: the names the report gave go.
      [THEIRS_RELEASED]: {
        status: "updated",
        changes: { claimed_status: ["claimed", "unclaimed"], claimed_by_this_owner: [true, false], claimed_by_another_owner: [true, false], other_owners_claiming: ["Other Label Ltd", null] },
      },
      [ALREADY_RIGHT]: { status: "unchanged" },
    });
    // The API does not name other owners, so what the report said stays while someone else claims the video.
    expect(await videoRow(THEIRS_ONLY)).toMatchObject({ claimedStatus: "claimed", claimedByThisOwner: false, claimedByAnotherOwner: true, otherOwnersClaiming: "Other Label Ltd" });
    expect(await videoRow(BOTH)).toMatchObject({ claimedByThisOwner: true, claimedByAnotherOwner: true, otherOwnersClaiming: null });
    expect(await videoRow(ALREADY_RIGHT)).toMatchObject({ otherOwnersClaiming: "Some Publisher", apiSyncedAt: ctx.now });
    expect(result.videosTouched).toBe(4);

    const audit = await f.auditRows();
    expect(audit.map((r) => r.videoId).sort()).toEqual([THEIRS_ONLY, BOTH, THEIRS_RELEASED].sort());
    for (const row of audit) expect(row.changes).toEqual(result.items[row.videoId!].changes);
    expect(Object.keys(audit.find((r) => r.videoId === THEIRS_ONLY)!.changes)).toEqual(["claimed_by_this_owner", "claimed_by_another_owner"]);
  });

  it("asks about 50 videos in every request of its search", async () => {
    const batch = candidates.slice(0, 50);
    await f.db.insert(videos).values(batch.map((videoId) => ({ videoId })));
    const result = await ownershipUpdate.run(f.context(), batch);
    const calls = f.requestsTo("/youtube/partner/v1/claimSearch");
    // 25 claims a page by default: more than one page for 50 videos.
    const claims = batch.reduce((sum, id) => sum + claimCount(id), 0);
    expect(calls).toHaveLength(Math.ceil(claims / 25));
    for (const call of calls) expect(call.query.videoId.split(",")).toHaveLength(50);
    expect(result.videosTouched).toBe(50);
    expect(ownershipUpdate.maxIds).toBe(50);
  });
});
