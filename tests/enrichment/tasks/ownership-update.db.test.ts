import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { videos } from "@/lib/db/schema";
import { ownershipUpdate } from "@/lib/enrichment/tasks/ownership-update";
import { claimIdsForVideo, fakeClaim } from "@/local/youtube/fake-partner";
import { videoExists } from "@/local/youtube/fake-videos";
import { CONTENT_OWNER, startTaskFixture, type TaskFixture } from "./task-fixture";

// ownership_update end to end through our Content ID client's claimSearch.list: who claims each video we hold,
// with one request for the batch.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

const candidates = Array.from({ length: 600 }, (_, i) => `owners${String(i).padStart(5, "0")}`);
const statuses = (id: string) => claimIdsForVideo(id).map((c) => fakeClaim(c)!.status as string);
const CLAIMED = candidates.find((id) => statuses(id).some((s) => s === "active"))!;
const ONLY_INACTIVE = candidates.find((id) => statuses(id).length > 0 && statuses(id).every((s) => s === "inactive"))!;
const UNCLAIMED = candidates.find((id) => videoExists(id) && statuses(id).length === 0)!;
// claimSearch cannot tell an unknown video from an unclaimed one: for a video we hold, the answer is "unclaimed".
const UNKNOWN_TO_API = candidates.find((id) => !videoExists(id))!;
const NOT_IN_CATALOG = candidates.find((id) => ![CLAIMED, ONLY_INACTIVE, UNCLAIMED].includes(id) && statuses(id).length > 0)!;

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

  it("asks about 50 videos in one request", async () => {
    const batch = candidates.slice(0, 50);
    await f.db.insert(videos).values(batch.map((videoId) => ({ videoId })));
    const result = await ownershipUpdate.run(f.context(), batch);
    const calls = f.requestsTo("/youtube/partner/v1/claimSearch");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.videoId.split(",")).toHaveLength(50);
    expect(result.videosTouched).toBe(50);
    expect(ownershipUpdate.maxIds).toBe(50);
  });
});
