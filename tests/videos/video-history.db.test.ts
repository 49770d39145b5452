import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DELETE, GET } from "@/app/api/videos/[videoId]/route";
import { POST as update } from "@/app/api/videos/[videoId]/update/route";
import type { ReportRecord } from "@/lib/import/parse";
import { mergeVideoRange } from "@/lib/import/merge/merge-videos";
import { insertStagingRows } from "@/lib/import/stage/insert-staging";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import type { VideoDetail } from "@/lib/videos/types";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { clearCatalog, seedReport, VIDEO_ID } from "./seed-video";

// A video's timeline across imports and edits: created by a report (no audit record of its own), then every change.
let tdb: TestDatabase;
let user: TestUser;
let admin: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { email: "ops@example.test" });
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());
beforeEach(() => clearCatalog(tdb.db));

/** Merges one report's rows the way an import's apply step does; the report row gives the merge time. */
async function importRows(filename: string, startedAt: string, records: Partial<ReportRecord>[]): Promise<number> {
  const reportId = await seedReport(tdb.db, filename, new Date(startedAt));
  const staged = records.map((r, i) => ({ line: i + 2, ...r }) as ReportRecord);
  await insertStagingRows(tdb.db, reportId, [...stagingInputs(staged)]);
  await mergeVideoRange(tdb.db, { reportId, range: { from: "", to: null }, excludeShorts: false });
  return reportId;
}
const detail = async () => (await (await GET(await signedInRequest(`/api/videos/${VIDEO_ID}`, { user }), routeContext({ videoId: VIDEO_ID }))).json()) as VideoDetail;
const edit = async (body: unknown) =>
  update(await signedInRequest(`/api/videos/${VIDEO_ID}/update`, { user, body }), routeContext({ videoId: VIDEO_ID }));

describe("a video's timeline", () => {
  it("starts with the report that created it, then lists edits and later imports with their sources", async () => {
    const first = await importRows("video_report_1.csv", "2025-06-01T08:00:00Z", [{ video_id: VIDEO_ID, title: "First title", views: 10 }]);
    expect(await tdb.db.execute(sql`SELECT count(*)::int AS n FROM metadata_syncs`)).toMatchObject({ rows: [{ n: 0 }] });
    expect((await edit({ label: "Sony" })).status).toBe(200);
    const second = await importRows("video_report_2.csv", new Date(Date.now() + 60_000).toISOString(), [{ video_id: VIDEO_ID, title: "Second title", views: 10 }]);

    const { video, timeline } = await detail();
    expect(video).toMatchObject({ created_by_report_id: first, created_by_report_at: "2025-06-01T08:00:00.000Z", last_source_report_id: second, label: "Sony" });
    expect(timeline.map((e) => e.kind)).toEqual(["created", "changed", "changed"]);
    expect(timeline[0]).toMatchObject({ source: { kind: "report", report_id: first, filename: "video_report_1.csv", href: `/reports/${first}` }, changes: [] });
    expect(timeline[1]).toMatchObject({ source: { kind: "user", user_id: user.id, email: "ops@example.test" }, changes: [{ field: "label", old: null, new: "Sony" }] });
    expect(timeline[2]).toMatchObject({ source: { kind: "report", report_id: second }, changes: [{ field: "title", old: "First title", new: "Second title" }] });
  });

  it("keeps a deleted video's history when a later report creates it again", async () => {
    await importRows("video_report_1.csv", "2025-06-01T08:00:00Z", [{ video_id: VIDEO_ID, title: "Before" }]);
    expect((await DELETE(await signedInRequest(`/api/videos/${VIDEO_ID}`, { user: admin, method: "DELETE" }), routeContext({ videoId: VIDEO_ID }))).status).toBe(200);
    const again = await importRows("video_report_3.csv", new Date(Date.now() + 60_000).toISOString(), [{ video_id: VIDEO_ID, title: "After" }]);

    const { video, timeline } = await detail();
    expect(video).toMatchObject({ title: "After", created_by_report_id: again });
    expect(timeline.map((e) => [e.kind, e.source.kind])).toEqual([
      ["deleted", "user"],
      ["created", "report"],
    ]);
  });
});
