import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/[videoId]/route";
import { metadataSyncs } from "@/lib/db/schema";
import type { VideoDetail } from "@/lib/videos/types";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { clearCatalog, seedReport, seedVideo, VIDEO_ID } from "./seed-video";

// GET /api/videos/{id}: the video page's data (F11) from a seeded catalog.
let tdb: TestDatabase;
let user: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { email: "editor@example.test", name: "Edna Editor" });
});
afterAll(() => tdb.drop());
beforeEach(() => clearCatalog(tdb.db));

const get = async (id: string, as: TestUser | null = user) => {
  const request = as ? await signedInRequest(`/api/videos/${id}`, { user: as }) : new Request(`http://127.0.0.1:3000/api/videos/${id}`);
  return GET(request, routeContext({ videoId: id }));
};
const detail = async (id = VIDEO_ID) => {
  const response = await get(id);
  expect(response.status).toBe(200);
  return (await response.json()) as VideoDetail;
};

describe("GET /api/videos/{video_id}", () => {
  it("returns every field of the video, without the import's internal columns", async () => {
    await seedVideo(tdb.db);
    const { video } = await detail();
    expect(video).toMatchObject({
      video_id: VIDEO_ID,
      title: "Never Gonna Give You Up",
      artist: ["Rick Astley"],
      genre: ["Pop"],
      asset_id: "A100000000000001",
      upc: "0602577012345",
      views: 1_500_000_000,
      ad_skippable: true,
      ad_bumper: null,
      hidden: false,
      administered: false,
      administered_at: null,
      time_published: "2009-10-25T06:57:33.000Z",
      created_by_report_id: null,
    });
    expect(video).not.toHaveProperty("source_fingerprint");
    expect(video).not.toHaveProperty("source_fingerprint_at");
  });

  it("lists each claim with its asset, and the Shorts decision with the signal that made it", async () => {
    await seedVideo(tdb.db);
    const { claims, shorts } = await detail();
    expect(claims).toEqual([
      expect.objectContaining({
        asset_id: "A100000000000001",
        claim_id: "clm-001",
        policy: "Monetize",
        asset: expect.objectContaining({ asset_type: "Sound recording", isrc: "GBARL9300135", label: "RCA", administered: false }),
      }),
      expect.objectContaining({ asset_id: "A200000000000002", claim_id: "clm-002", policy: "Track", asset: null }),
    ]);
    expect(shorts).toEqual({ is_short: false, short_rule: "duration_60s", reason: "Longer than 60 s, published before 2024-10-15 — by length alone; no report says whether it is a Short" });
  });

  it("sums metrics per period as exact decimals, newest period first", async () => {
    await seedVideo(tdb.db);
    const { metrics } = await detail();
    expect(metrics).toEqual([
      { period: "2025-06-01", report_kind: "claim_raw", owned_views: 7, partner_revenue: "12345678901234.123456789013", files: 2 },
      { period: "2025-05-01", report_kind: "claim_raw", owned_views: 7, partner_revenue: "0.000021676471", files: 1 },
    ]);
  });

  it("shows the history oldest first: created by report N, then each change with its source", async () => {
    const created = await seedReport(tdb.db, "video_report_A_v1-1.csv", new Date("2025-06-01T10:00:00Z"));
    const changed = await seedReport(tdb.db, "video_report_A_v1-2.csv", new Date("2025-06-02T10:00:00Z"));
    await seedVideo(tdb.db, { createdByReportId: created, createdByReportAt: new Date("2025-06-01T10:00:00Z") });
    await tdb.db.insert(metadataSyncs).values([
      { videoId: VIDEO_ID, sourceKind: "user", sourceId: user.id, userId: user.id, changes: { label: [null, "RCA"] }, syncTime: new Date("2025-06-03T09:00:00Z") },
      { videoId: VIDEO_ID, sourceKind: "report", sourceId: String(changed), changes: { title: ["Old", "Never Gonna Give You Up"] }, syncTime: new Date("2025-06-02T10:05:00Z") },
      { videoId: VIDEO_ID, sourceKind: "api", sourceId: "videos.list", changes: { views: [10, 1_500_000_000] }, syncTime: new Date("2025-06-04T00:00:00Z") },
    ]);
    const { timeline, history_total } = await detail();
    expect(history_total).toBe(3);
    expect(timeline.map((e) => [e.kind, e.at])).toEqual([
      ["created", "2025-06-01T10:00:00.000Z"],
      ["changed", "2025-06-02T10:05:00.000Z"],
      ["changed", "2025-06-03T09:00:00.000Z"],
      ["changed", "2025-06-04T00:00:00.000Z"],
    ]);
    expect(timeline[0].source).toEqual({ kind: "report", report_id: created, filename: "video_report_A_v1-1.csv", href: `/reports/${created}` });
    expect(timeline[1]).toMatchObject({
      source: { kind: "report", report_id: changed, href: `/reports/${changed}` },
      changes: [{ field: "title", old: "Old", new: "Never Gonna Give You Up" }],
    });
    expect(timeline[2].source).toEqual({ kind: "user", user_id: user.id, email: "editor@example.test", name: "Edna Editor" });
    expect(timeline[3]).toMatchObject({ source: { kind: "api", call: "videos.list" }, changes: [{ field: "views", old: 10, new: 1_500_000_000 }] });
  });

  it("shows only the audit records of a video created before the created-by columns existed", async () => {
    await seedVideo(tdb.db);
    await tdb.db.insert(metadataSyncs).values({ videoId: VIDEO_ID, sourceKind: "report", sourceId: "7", changes: { title: [null, "T"] } });
    const { timeline } = await detail();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ kind: "changed", source: { kind: "report", report_id: 7, filename: null } });
  });

  it("answers 404 for an unknown video, 400 for a malformed id and 401 without a session", async () => {
    const missing = await get("AAAAAAAAAAA");
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/No video AAAAAAAAAAA/);
    for (const bad of ["short", "dQw4w9WgXcQQ", "dQw4w9WgX%Q", "dQw4w9WgX.Q"]) {
      const response = await get(bad);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).details).toEqual([expect.objectContaining({ field: "video_id" })]);
    }
    expect((await get(VIDEO_ID, null)).status).toBe(401);
  });
});
