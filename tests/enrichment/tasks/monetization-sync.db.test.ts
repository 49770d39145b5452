import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { videos } from "@/lib/db/schema";
import { monetizationSync } from "@/lib/enrichment/tasks/monetization-sync";
import { QuotaPause } from "@/lib/enrichment/api-call";
import { classifyYouTubeError } from "@/lib/youtube/api-errors";
import { fakeAdvertisingOptions, videoExists } from "@/local/youtube/fake-videos";
import { startTaskFixture, type TaskFixture } from "./task-fixture";

// monetization_sync end to end through videoAdvertisingOptions.get, which the API offers per video only.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

const candidates = Array.from({ length: 400 }, (_, i) => `adsync${String(i).padStart(5, "0")}`);
type Ads = { adFormats: string[]; breakPosition: string[] };
const ads = (id: string) => fakeAdvertisingOptions(id) as unknown as Ads;
const existing = candidates.filter(videoExists);
const THIRD_PARTY = existing.find((id) => ads(id).adFormats.includes("third_party_ads") && ads(id).breakPosition.includes("postroll"))!;
const PLAIN = existing.find((id) => ads(id).adFormats.length === 0 && !ads(id).breakPosition.includes("postroll"))!;
const MISSING = candidates.find((id) => !videoExists(id))!;
const videoRow = async (id: string) => (await f.db.select().from(videos).where(eq(videos.videoId, id)))[0];

describe("monetization_sync", () => {
  it("maps ad formats and break positions, one call per video; a 404 is not found", async () => {
    await f.db.insert(videos).values([
      { videoId: THIRD_PARTY, adThirdParty: false, adPreroll: true, adSkippable: true },
      { videoId: PLAIN, adThirdParty: true, adPostroll: true, adOverlay: true },
      { videoId: MISSING, adThirdParty: true },
    ]);
    const ctx = f.context();
    const result = await monetizationSync.run(ctx, [THIRD_PARTY, PLAIN, MISSING]);

    expect(ctx.calls).toEqual(Array(3).fill("videoAdvertisingOptions.get"));
    expect(f.sandbox.requests().filter((r) => r.path.startsWith("/youtube/partner/v1/videoAdvertisingOptions/"))).toHaveLength(3);
    expect(result.items[THIRD_PARTY]).toEqual({
      status: "updated",
      changes: { ad_third_party: [false, true], ad_midroll: [null, false], ad_postroll: [null, true] },
    });
    expect(result.items[PLAIN]).toEqual({
      status: "updated",
      changes: { ad_third_party: [true, false], ad_preroll: [null, true], ad_midroll: [null, false], ad_postroll: [true, false] },
    });
    expect(result.items[MISSING]).toEqual({ status: "not_found" });
    expect(result.videosTouched).toBe(2);
    // Formats the API no longer reports (skippable, overlay, …) keep the reports' values.
    expect(await videoRow(THIRD_PARTY)).toMatchObject({ adThirdParty: true, adPreroll: true, adPostroll: true, adSkippable: true, apiSyncedAt: ctx.now });
    expect(await videoRow(PLAIN)).toMatchObject({ adThirdParty: false, adPostroll: false, adOverlay: true });
    expect(await videoRow(MISSING)).toMatchObject({ adThirdParty: true, apiSyncedAt: null });

    const audit = await f.auditRows();
    expect(audit.map((r) => r.videoId).sort()).toEqual([THIRD_PARTY, PLAIN].sort());
    for (const row of audit) expect(row).toMatchObject({ sourceKind: "api", sourceId: "videoAdvertisingOptions.get", taskId: ctx.taskId, sandbox: true });

    const again = await monetizationSync.run(f.context(), [THIRD_PARTY, PLAIN]);
    expect(again.items).toEqual({ [THIRD_PARTY]: { status: "unchanged" }, [PLAIN]: { status: "unchanged" } });
    expect(await f.auditRows()).toHaveLength(2);
  });

  it("lets any other failure propagate to the drain and writes nothing", async () => {
    await f.db.insert(videos).values([{ videoId: THIRD_PARTY }, { videoId: PLAIN }]);
    // The first call succeeds, the second meets a 503: the task as a whole must go back to the drain.
    f.sandbox.setFailure("unavailable", { endpoint: `/videoAdvertisingOptions/${PLAIN}` });
    const failure = await monetizationSync.run(f.context(), [THIRD_PARTY, PLAIN]).catch((error: unknown) => error);
    expect(classifyYouTubeError(failure).kind).toBe("transient");
    expect(await f.auditRows()).toHaveLength(0);
    expect(await videoRow(THIRD_PARTY)).toMatchObject({ adThirdParty: null, apiSyncedAt: null });
  });

  it("does not swallow the drain's errors from call()", async () => {
    await f.db.insert(videos).values([{ videoId: THIRD_PARTY }, { videoId: PLAIN }]);
    const pause = new QuotaPause(new Date("2026-03-03T08:00:00Z"), "budget_spent");
    const ctx = f.context();
    let calls = 0;
    ctx.call = async (_endpoint, fn) => {
      if (++calls === 2) throw pause;
      return fn();
    };
    await expect(monetizationSync.run(ctx, [THIRD_PARTY, PLAIN])).rejects.toBe(pause);
    expect(await f.auditRows()).toHaveLength(0);
  });

  it("carries at most 10 videos per task", () => {
    expect(monetizationSync.maxIds).toBe(10);
  });
});
