import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listChannels } from "@/app/api/admin/channels/route";
import { PATCH } from "@/app/api/admin/channels/[channelId]/route";
import { POST as clearDatabase } from "@/app/api/admin/clear-database/route";
import { listProcessingHistory } from "@/lib/admin/processing-history";
import { requestImports } from "@/lib/import/reports/request-import";
import { fixture, putReport, waitForReport } from "@/tests/helpers/imports";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";

// The admin tools on a catalog built by a real import (S3 stand-in → Inngest executor → database).
let stack: LocalStack;
let admin: TestUser;
const db = () => stack.database.db;
const KEY = "reports/video_report_Admin_V_v1-3.csv";

beforeAll(async () => {
  ensureAuthSecret();
  stack = await startLocalStack();
  admin = await createTestUser(db(), { role: "admin", email: "ops@example.test" });
  await putReport(KEY, fixture("videos_report.csv"));
}, 60_000);
afterAll(() => stack?.stop());

const importAsAdmin = async () => {
  const [report] = await requestImports(db(), { keys: [KEY], triggeredBy: "user", userId: admin.id });
  return report;
};
const clear = async () =>
  clearDatabase(await signedInRequest("/api/admin/clear-database", { user: admin, method: "POST", body: { confirm: "DELETE ALL DATA" } }), routeContext());
const channels = async () => (await (await listChannels(await signedInRequest("/api/admin/channels", { user: admin }), routeContext())).json()).channels;

describe("admin tools after an import", () => {
  it("lists the imported channels, hides one by its id from the file, refuses to clear mid-import, and clears so the file imports afresh", async () => {
    const first = await importAsAdmin();
    // The report exists as `pending` the moment the import is requested: clearing now must wait.
    const busy = await clear();
    expect(busy.status).toBe(409);
    expect((await busy.json()).message).toContain("video_report_Admin_V_v1-3.csv");
    expect((await waitForReport(db(), first.id)).status).toBe("completed");

    // Both channels carry the same name; which comes first is up to the database's collation.
    const listed = await channels();
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(expect.arrayContaining([
      expect.objectContaining({ channel_id: "UCaBcDeFgHiJkLmNoPqRsTuV", name: "Sample Music", video_count: 1, hidden: false }),
      expect.objectContaining({ channel_id: "UCZz9_Yy8-Xx7Ww6Vv5Uu4Tt", video_count: 1 }),
    ]));
    const hide = await PATCH(
      await signedInRequest("/api/admin/channels/aBcDeFgHiJkLmNoPqRsTuV", { user: admin, method: "PATCH", body: { hidden: true } }),
      routeContext({ channelId: "aBcDeFgHiJkLmNoPqRsTuV" }),
    );
    expect(hide.status).toBe(200);
    expect((await hide.json()).channel).toMatchObject({ channel_id: "UCaBcDeFgHiJkLmNoPqRsTuV", hidden: true, video_count: 1 });

    const history = await listProcessingHistory(db(), { page: 1, pageSize: 10 });
    expect(history.reports[0]).toMatchObject({ id: first.id, status: "completed", triggeredByLabel: "ops@example.test" });

    const cleared = await clear();
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).cleared).toMatchObject({ videos: 2, channels: 2, reports: 1, claims: 2 });
    expect(await channels()).toEqual([]);

    // Nothing of the first import is left to make the same file look already imported.
    const again = await waitForReport(db(), (await importAsAdmin()).id);
    expect(again.status).toBe("completed");
    expect(again.summary).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect((await channels()).map((c: { hidden: boolean }) => c.hidden)).toEqual([false, false]);
  });

  it("keeps a person's channel name when a later report names the channel differently", async () => {
    const rename = await PATCH(
      await signedInRequest("/api/admin/channels/UCaBcDeFgHiJkLmNoPqRsTuV", { user: admin, method: "PATCH", body: { name: "Renamed by ops" } }),
      routeContext({ channelId: "UCaBcDeFgHiJkLmNoPqRsTuV" }),
    );
    expect(rename.status).toBe(200);
    // A changed file (new view count) so its rows are staged and its channels upserted again.
    const changed = fixture("videos_report.csv").toString("utf8").replaceAll(",123456,", ",123999,");
    const key = "reports/video_report_Admin_V_v1-3_changed.csv";
    await putReport(key, changed);
    const [report] = await requestImports(db(), { keys: [key], triggeredBy: "user", userId: admin.id });
    const done = await waitForReport(db(), report.id);
    expect(done.status).toBe("completed");
    expect(done.summary?.updated).toBeGreaterThan(0);
    const listed = await channels();
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ channel_id: "UCaBcDeFgHiJkLmNoPqRsTuV", name: "Renamed by ops" })]));
  });
});
