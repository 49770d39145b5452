import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { youtube_v3 } from "googleapis";
import { videos, type NewVideo } from "@/lib/db/schema";
import { metadataSync } from "@/lib/enrichment/tasks/metadata-sync";
import { isoDurationSeconds } from "@/lib/enrichment/apply/iso-duration";
import { fakeVideo, videoExists } from "@/local/youtube/fake-videos";
import { CONTENT_OWNER, startTaskFixture, type TaskFixture } from "./task-fixture";

// metadata_sync end to end through googleapis' videos.list against the sandbox: the API's current title, length,
// views, privacy, embedding/comments and category replace what reports left; the publish time only fills a gap.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

const candidates = Array.from({ length: 400 }, (_, i) => `mdsync${String(i).padStart(5, "0")}`);
const existing = candidates.filter(videoExists);
const MISSING = candidates.find((id) => !videoExists(id))!;
const api = (id: string) => fakeVideo(id, new Set(["snippet", "contentDetails", "statistics", "status"])) as youtube_v3.Schema$Video;
const seconds = (id: string) => isoDurationSeconds(api(id).contentDetails!.duration)!;
const LONG = existing.find((id) => seconds(id) > 200 && api(id).status!.madeForKids === false && api(id).snippet!.categoryId === "10")!;
const SHORT = existing.find((id) => seconds(id) < 60)!;
const NOT_IN_CATALOG = existing.find((id) => id !== LONG && id !== SHORT)!;
const REPORT_PUBLISHED = new Date("2020-05-05T05:05:05Z");

const report: Omit<NewVideo, "videoId"> = {
  title: "Title from the report",
  views: 10,
  videoLength: 100,
  privacyStatus: "private",
  embeddingAllowed: !api(LONG).status!.embeddable,
  commentsAllowed: false,
  ratingsAllowed: true,
  category: "Music",
  timePublished: REPORT_PUBLISHED,
  isShort: false,
  shortRule: "duration_60s",
};
const videoRow = async (id: string) => (await f.db.select().from(videos).where(eq(videos.videoId, id)))[0];

describe("metadata_sync", () => {
  it("replaces report values with the API's, fills the publish time, and audits only the changed fields", async () => {
    await f.db.insert(videos).values({ videoId: LONG, ...report });
    const ctx = f.context();
    const result = await metadataSync.run(ctx, [LONG, MISSING]);

    expect(ctx.calls).toEqual(["videos.list"]);
    const calls = f.requestsTo("/youtube/v3/videos");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.part.split(",").sort()).toEqual(["contentDetails", "snippet", "statistics", "status"]);
    expect(calls[0].query.id.split(",").sort()).toEqual([LONG, MISSING].sort());
    expect(calls[0].query.onBehalfOfContentOwner).toBe(CONTENT_OWNER);

    const v = api(LONG);
    const expected = {
      title: ["Title from the report", v.snippet!.title],
      views: [10, Number(v.statistics!.viewCount)],
      video_length: [100, seconds(LONG)],
      privacy_status: ["private", v.status!.privacyStatus],
      embedding_allowed: [!v.status!.embeddable, v.status!.embeddable],
      comments_allowed: [false, true],
    };
    // Drop pairs the sandbox happens to agree with, so the expectation stays "only what changed".
    const changed = Object.fromEntries(Object.entries(expected).filter(([, [a, b]]) => a !== b));
    expect(result.items[LONG]).toEqual({ status: "updated", changes: changed });
    expect(result.items[MISSING]).toEqual({ status: "not_found" });
    expect(result.videosTouched).toBe(1);

    const row = await videoRow(LONG);
    expect(row).toMatchObject({
      title: v.snippet!.title,
      views: Number(v.statistics!.viewCount),
      videoLength: seconds(LONG),
      privacyStatus: v.status!.privacyStatus,
      embeddingAllowed: v.status!.embeddable,
      commentsAllowed: true,
      // No API signal for ratings: the report's value stays.
      ratingsAllowed: true,
      category: "Music",
      timePublished: REPORT_PUBLISHED,
      isShort: false,
      apiSyncedAt: ctx.now,
    });
    const audit = await f.auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ videoId: LONG, sourceKind: "api", sourceId: "videos.list", taskId: ctx.taskId, sandbox: true, changes: changed });
  });

  it("writes no audit record the second time", async () => {
    await f.db.insert(videos).values({ videoId: LONG, ...report });
    await metadataSync.run(f.context(), [LONG]);
    const result = await metadataSync.run(f.context(), [LONG]);
    expect(result.items[LONG]).toEqual({ status: "unchanged" });
    expect(await f.auditRows()).toHaveLength(1);
  });

  it("replaces the publish time only on force_refresh", async () => {
    await f.db.insert(videos).values({ videoId: LONG, ...report });
    await metadataSync.run(f.context(), [LONG]);
    const ctx = f.context({ forceRefresh: true });
    const result = await metadataSync.run(ctx, [LONG]);
    const published = new Date(api(LONG).snippet!.publishedAt!);
    expect(result.items[LONG].changes).toEqual({ time_published: [REPORT_PUBLISHED, published] });
    expect((await videoRow(LONG)).timePublished).toEqual(published);
    const audit = (await f.auditRows()).filter((r) => r.taskId === ctx.taskId);
    expect(audit.map((r) => r.changes)).toEqual([{ time_published: [REPORT_PUBLISHED.toISOString(), published.toISOString()] }]);
  });

  it("fills an empty video and moves its Shorts decision with the new length", async () => {
    await f.db.insert(videos).values([{ videoId: SHORT }, { videoId: LONG, shortRule: "shorts_report", isShort: true }]);
    const result = await metadataSync.run(f.context(), [SHORT, LONG, NOT_IN_CATALOG]);
    const v = api(SHORT);
    const decided = new Date(v.snippet!.publishedAt!) < new Date("2024-10-15T00:00:00Z") ? "duration_60s" : "duration_180s";
    expect(await videoRow(SHORT)).toMatchObject({
      videoLength: seconds(SHORT),
      timePublished: new Date(v.snippet!.publishedAt!),
      isShort: true,
      shortRule: decided,
    });
    expect(result.items[SHORT].changes).toMatchObject({ is_short: [null, true], short_rule: [null, decided] });
    // A Shorts report's listing outranks the length rule.
    expect(await videoRow(LONG)).toMatchObject({ isShort: true, shortRule: "shorts_report" });
    expect(result.items[NOT_IN_CATALOG]).toMatchObject({ status: "not_found", error: expect.stringMatching(/no longer in the catalog/) });
    expect(result.videosTouched).toBe(2);
  });

  it("asks for 50 ids in one request", async () => {
    const batch = existing.slice(0, 50);
    await f.db.insert(videos).values(batch.map((videoId) => ({ videoId })));
    const result = await metadataSync.run(f.context(), batch);
    const calls = f.requestsTo("/youtube/v3/videos");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.id.split(",")).toHaveLength(50);
    expect(result.videosTouched).toBe(50);
    expect(Object.keys(result.videoChanges)).toHaveLength(50);
    expect(metadataSync.maxIds).toBe(50);
  });
});
