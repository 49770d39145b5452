import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/admin/clear-database/route";
import { metadataSyncs, reports } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { seedAssets, seedChannels, videoIdFor } from "./seed";

let tdb: TestDatabase;
let admin: TestUser;
let user: TestUser;

const CLEARED = [
  "videos", "claims", "assets", "channels", "video_metrics", "asset_metrics", "metadata_syncs", "processing_queue", "reports",
  "report_rows_rejected", "webhook_deliveries", "import_staging", "import_steps", "import_fingerprints", "import_video_fingerprints",
];
const KEPT = ["users", "sessions", "login_attempts", "quota_ledger"];

const countOf = async (table: string) => Number((await tdb.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n);
const countAll = async (tables: string[]) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countOf(t)] as const)));
const clear = async (body: unknown, as: TestUser = admin) =>
  POST(await signedInRequest("/api/admin/clear-database", { user: as, method: "POST", body }), routeContext());

/** A row in every catalog and import table, as imports, edits and webhooks leave them. */
async function seedEverything() {
  await seedChannels(tdb.db, ["One", "Two", "Three"]);
  await seedAssets(tdb.db, 8);
  const [report] = await tdb.db.insert(reports).values({ key: "reports/a.csv", filename: "a.csv", status: "completed" }).returning();
  const v = videoIdFor(0);
  const r = report.id;
  const statements = [
    sql`INSERT INTO video_metrics (video_id, period, report_kind, owned_views, partner_revenue, source_hash) VALUES (${v}, '2025-01-01', 'claim_raw', 5, '1.25', 'h')`,
    sql`INSERT INTO asset_metrics (asset_id, period, report_kind, source_hash) VALUES ('A000000000000001', '2025-01-01', 'asset_raw', 'h')`,
    sql`INSERT INTO metadata_syncs (video_id, source_kind, source_id, changes) VALUES (${v}, 'report', ${String(r)}, '{"title":[null,"x"]}')`,
    sql`INSERT INTO processing_queue (task_type, video_id) VALUES ('asset_enrichment', ${v})`,
    sql`INSERT INTO report_rows_rejected (report_id, line, reason) VALUES (${r}, 3, 'bad')`,
    sql`INSERT INTO webhook_deliveries (object_version, report_id) VALUES ('reports/a.csv#1', ${r})`,
    sql`INSERT INTO import_staging (report_id, line, video_id) VALUES (${r}, 2, ${v})`,
    sql`INSERT INTO import_steps (report_id, step_key, result) VALUES (${r}, 'compare', '{}')`,
    sql`INSERT INTO import_fingerprints (report_id, line, video_key, row_hash) VALUES (${r}, 2, ${v}, 42)`,
    sql`INSERT INTO import_video_fingerprints (report_id, video_id, fingerprint) VALUES (${r}, ${v}, 'f')`,
    sql`INSERT INTO quota_ledger (day, api, units_used, calls) VALUES ('2025-01-01', 'data', 10, 1)`,
    sql`INSERT INTO login_attempts (email, ip, succeeded) VALUES ('someone@example.test', '127.0.0.1', false)`,
  ];
  for (const statement of statements) await tdb.db.execute(statement);
  await tdb.db.execute(sql`INSERT INTO sessions (session_token, user_id, expires) VALUES ('tok', ${admin.id}, now() + interval '1 day')`);
  return report;
}

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin", email: "clearer@example.test" });
  user = await createTestUser(tdb.db, { role: "user" });
});
afterAll(() => tdb.drop());

describe("POST /api/admin/clear-database", () => {
  it("refuses a wrong or missing confirmation, a plain user and a running import, deleting nothing", async () => {
    const report = await seedEverything();
    const before = await countAll(CLEARED);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);

    for (const body of [{ confirm: "delete all data" }, { confirm: "DELETE ALL DATA " }, { confirm: "" }, {}, { confirm: true }, { confirm: "DELETE ALL DATA", extra: 1 }]) {
      const response = await clear(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).status).toBe("error");
    }
    const wrong = await (await clear({ confirm: "yes" })).json();
    expect(wrong.message).toContain("DELETE ALL DATA");
    expect((await clear({ confirm: "DELETE ALL DATA" }, user)).status).toBe(403);

    for (const status of ["processing", "pending"] as const) {
      await tdb.db.update(reports).set({ status }).where(eq(reports.id, report.id));
      const busy = await clear({ confirm: "DELETE ALL DATA" });
      expect(busy.status, status).toBe(409);
      const body = await busy.json();
      expect(body.message).toMatch(/import is still running/);
      expect(body.message).toContain("a.csv");
      expect(body.details.running).toEqual([{ report_id: report.id, filename: "a.csv", status }]);
    }
    await tdb.db.update(reports).set({ status: "completed" }).where(eq(reports.id, report.id));
    expect(await countAll(CLEARED)).toEqual(before);
  });

  it("clears every catalog table in one go, keeps people and the quota ledger, and records who did it", async () => {
    const kept = await countAll(KEPT);
    const expectedCounts = {
      videos: await countOf("videos"), claims: await countOf("claims"), assets: await countOf("assets"), channels: await countOf("channels"),
      video_metrics: 1, asset_metrics: 1, audit_records: 1, queue_tasks: 1, reports: 1, rejected_rows: 1,
    };
    const response = await clear({ confirm: "DELETE ALL DATA" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "cleared", cleared: expectedCounts, cleared_by: "clearer@example.test" });

    const after = await countAll(CLEARED);
    expect(after).toEqual({ ...Object.fromEntries(CLEARED.map((t) => [t, 0])), metadata_syncs: 1 });
    expect(await countAll(KEPT)).toEqual(kept);

    const [record] = await tdb.db.select().from(metadataSyncs);
    expect(record).toMatchObject({
      id: body.audit_id, sourceKind: "user", sourceId: "clear-database", userId: admin.id, videoId: null, assetId: null,
      changes: { cleared_database: [null, { ...expectedCounts, by: "clearer@example.test" }] },
    });
  });

  it("keeps the records of earlier clears and never reuses report ids", async () => {
    const [before] = await tdb.db.insert(reports).values({ key: "reports/b.csv", filename: "b.csv", status: "completed" }).returning();
    expect((await clear({ confirm: "DELETE ALL DATA" })).status).toBe(200);
    const clears = await tdb.db.select().from(metadataSyncs).where(and(eq(metadataSyncs.sourceKind, "user"), eq(metadataSyncs.sourceId, "clear-database"))).orderBy(metadataSyncs.id);
    expect(clears).toHaveLength(2);
    expect(clears[1].changes.cleared_database[1]).toMatchObject({ videos: 0, reports: 1, audit_records: 1, by: "clearer@example.test" });
    const [next] = await tdb.db.insert(reports).values({ key: "reports/c.csv", filename: "c.csv" }).returning();
    expect(next.id).toBeGreaterThan(before.id);
  });
});
