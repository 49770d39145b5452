import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DELETE, GET } from "@/app/api/videos/[videoId]/route";
import { POST as flags } from "@/app/api/videos/[videoId]/flags/route";
import { claims, metadataSyncs, processingQueue, videoMetrics, videos } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { clearCatalog, OTHER_ID, seedVideo, VIDEO_ID } from "./seed-video";

// Hidden/administered flags (any signed-in user) and deleting a video (admins only, though outside api/admin).
let tdb: TestDatabase;
let user: TestUser;
let admin: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db);
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());
beforeEach(async () => {
  await clearCatalog(tdb.db);
  await seedVideo(tdb.db);
});

const ctx = (id = VIDEO_ID) => routeContext({ videoId: id });
const setFlags = async (body: unknown, id = VIDEO_ID) => flags(await signedInRequest(`/api/videos/${id}/flags`, { user, body }), ctx(id));
const remove = async (as: TestUser, id = VIDEO_ID) => DELETE(await signedInRequest(`/api/videos/${id}`, { user: as, method: "DELETE" }), ctx(id));
const stored = async () => (await tdb.db.select().from(videos).where(eq(videos.videoId, VIDEO_ID)))[0];
const audit = () => tdb.db.select().from(metadataSyncs).orderBy(metadataSyncs.id);

describe("flags", () => {
  it("hides and shows a video, audited with the person", async () => {
    const response = await setFlags({ hidden: true });
    expect(response.status).toBe(200);
    expect((await response.json()).video.hidden).toBe(true);
    expect((await stored()).hidden).toBe(true);
    await setFlags({ hidden: false });
    expect((await audit()).map((a) => [a.userId, a.changes])).toEqual([
      [user.id, { hidden: [false, true] }],
      [user.id, { hidden: [true, false] }],
    ]);
  });

  it("stamps administered_at when marked administered, keeps it when marked again, clears it with the flag", async () => {
    const before = Date.now();
    await setFlags({ administered: true });
    const marked = await stored();
    expect(marked.administered).toBe(true);
    expect(marked.administeredAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [first] = await audit();
    expect(first.changes).toEqual({ administered: [false, true], administered_at: [null, marked.administeredAt!.toISOString()] });

    await setFlags({ administered: true, hidden: false });
    expect((await stored()).administeredAt).toEqual(marked.administeredAt);
    expect(await audit()).toHaveLength(1);

    await setFlags({ administered: false });
    expect(await stored()).toMatchObject({ administered: false, administeredAt: null });
    expect((await audit())[1].changes).toEqual({ administered: [true, false], administered_at: [marked.administeredAt!.toISOString(), null] });
  });

  it("refuses an empty body, unknown fields and non-boolean values; 404 for an unknown video", async () => {
    expect((await setFlags({})).status).toBe(400);
    expect((await setFlags({ hidden: true, deleted: true })).status).toBe(400);
    expect((await setFlags({ hidden: "yes" })).status).toBe(400);
    expect((await setFlags({ hidden: true }, OTHER_ID)).status).toBe(404);
    expect(await audit()).toHaveLength(0);
  });
});

describe("DELETE /api/videos/{video_id}", () => {
  it("answers 401 without a session and 403 for a user, and keeps the video", async () => {
    const anonymous = new Request(`http://127.0.0.1:3000/api/videos/${VIDEO_ID}`, { method: "DELETE" });
    expect((await DELETE(anonymous, ctx())).status).toBe(401);
    const refused = await remove(user);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/admins/);
    expect(await stored()).toBeDefined();
    expect(await audit()).toHaveLength(0);
  });

  it("lets an admin delete the video with its claims, metrics and pending tasks, and audits what was removed", async () => {
    await tdb.db.insert(processingQueue).values([
      { taskType: "asset_enrichment", videoId: VIDEO_ID, status: "pending" },
      { taskType: "metadata_sync", videoId: VIDEO_ID, status: "completed" },
    ]);
    const response = await remove(admin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "deleted", video_id: VIDEO_ID, removed: { claims: 2, metric_rows: 3, queued_tasks: 1 } });

    expect(await stored()).toBeUndefined();
    expect(await tdb.db.select().from(claims)).toEqual([]);
    expect(await tdb.db.select().from(videoMetrics)).toEqual([]);
    expect((await tdb.db.select().from(processingQueue)).map((t) => t.status)).toEqual(["completed"]);

    const [record] = await audit();
    expect(record).toMatchObject({ videoId: VIDEO_ID, sourceKind: "user", sourceId: admin.id, userId: admin.id });
    const [snapshot, after] = record.changes.deleted as [{ video: Record<string, unknown>; claims: unknown[]; metrics: { partnerRevenue: string }[] }, null];
    expect(after).toBeNull();
    expect(snapshot.video).toMatchObject({ video_id: VIDEO_ID, title: "Never Gonna Give You Up", asset_id: "A100000000000001" });
    expect(snapshot.claims).toHaveLength(2);
    expect(snapshot.metrics.map((m) => m.partnerRevenue).sort()).toEqual(["0.000000000001", "0.000021676471", "12345678901234.123456789012"]);

    const gone = await GET(await signedInRequest(`/api/videos/${VIDEO_ID}`, { user }), ctx());
    expect(gone.status).toBe(404);
    expect((await remove(admin)).status).toBe(404);
  });
});
