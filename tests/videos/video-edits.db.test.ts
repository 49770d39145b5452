import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { POST as update } from "@/app/api/videos/[videoId]/update/route";
import { metadataSyncs, videos } from "@/lib/db/schema";
import { lockCatalogMerges } from "@/lib/import/merge/catalog-merge-lock";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { clearCatalog, seedVideo, VIDEO_ID } from "./seed-video";

// POST /api/videos/{id}/update: validated edits, only changed fields written, one audit record naming the person.
let tdb: TestDatabase;
let user: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db);
});
afterAll(() => tdb.drop());
beforeEach(async () => {
  await clearCatalog(tdb.db);
  await seedVideo(tdb.db);
});

const post = async (body: unknown, id = VIDEO_ID, headers: Record<string, string> = {}) =>
  update(await signedInRequest(`/api/videos/${id}/update`, { user, method: "POST", body, headers }), routeContext({ videoId: id }));
const audit = () => tdb.db.select().from(metadataSyncs).orderBy(metadataSyncs.id);
const stored = async () => (await tdb.db.select().from(videos).where(eq(videos.videoId, VIDEO_ID)))[0];

describe("editing a video", () => {
  it.each([
    ["title", "  Never Gonna Give You Up (Remastered)  ", "title", "Never Gonna Give You Up (Remastered)", "Never Gonna Give You Up"],
    ["notes", "Line one\nline two", "notes", "Line one\nline two", null],
    ["custom_id", "CUST-2", "customId", "CUST-2", "CUST-1"],
    ["asset_id", "A300000000000003", "assetId", "A300000000000003", "A100000000000001"],
    ["artist", "Rick Astley feat. Nobody", "artist", ["Rick Astley feat. Nobody"], ["Rick Astley"]],
    ["genre", ["Pop", "Dance"], "genre", ["Pop", "Dance"], ["Pop"]],
    ["label", "Sony Music", "label", "Sony Music", "RCA"],
    ["category", "Entertainment", "category", "Entertainment", "Music"],
  ] as const)("%s: stores the trimmed value and audits [old, new] with the person", async (field, sent, column, expected, old) => {
    const response = await post({ [field]: sent });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.video[field]).toEqual(expected);
    expect(body.changes).toEqual({ [field]: [old, expected] });
    expect((await stored())[column]).toEqual(expected);
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ videoId: VIDEO_ID, sourceKind: "user", sourceId: user.id, userId: user.id, changes: { [field]: [old, expected] } });
  });

  it("writes only the fields that changed, in one audit record, and moves updated_at", async () => {
    const before = await stored();
    const response = await post({ title: "Never Gonna Give You Up", label: "Sony", genre: ["Pop"], notes: "checked" });
    expect((await response.json()).changes).toEqual({ label: ["RCA", "Sony"], notes: [null, "checked"] });
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0].changes).sort()).toEqual(["label", "notes"]);
    expect((await stored()).updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("writes nothing when nothing differs", async () => {
    const before = await stored();
    const response = await post({ title: "Never Gonna Give You Up", artist: ["Rick Astley"] });
    expect(response.status).toBe(200);
    expect((await response.json()).changes).toEqual({});
    expect(await audit()).toHaveLength(0);
    expect((await stored()).updatedAt).toEqual(before.updatedAt);
  });

  it("clears a field with null, an empty string or an empty list", async () => {
    await post({ label: null, custom_id: "   ", genre: [] });
    expect(await stored()).toMatchObject({ label: null, customId: null, genre: null });
    expect((await audit())[0].changes).toEqual({ label: ["RCA", null], custom_id: ["CUST-1", null], genre: [["Pop"], null] });
  });

  it.each([
    ["a title that is too long", { title: "x".repeat(201) }, "title"],
    ["control characters", { label: "RCA\u0000" }, "label"],
    ["a line break outside notes", { title: "two\nlines" }, "title"],
    ["an asset id with spaces", { asset_id: "A1 2" }, "asset_id"],
    ["too many artists", { artist: Array.from({ length: 21 }, (_, i) => `Artist ${i}`) }, "artist"],
    ["an empty genre name", { genre: ["Pop", " "] }, "genre.1"],
    ["a number for a title", { title: 42 }, "title"],
  ])("refuses %s with 400 naming the field", async (_what, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error).toMatchObject({ status: "error", code: "bad_request" });
    expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await audit()).toHaveLength(0);
  });

  it("refuses unknown fields, an empty edit and a body that is not JSON", async () => {
    const unknown = await post({ title: "T", views: 1 });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toMatch(/views/);
    const empty = await post({});
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toMatch(/Nothing to change/);
    expect((await post("title=x", VIDEO_ID, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect(await audit()).toHaveLength(0);
    expect((await stored()).title).toBe("Never Gonna Give You Up");
  });

  it("answers 404 for an unknown video, 400 for a malformed id, 401 without a session, 403 cross-site", async () => {
    expect((await post({ title: "T" }, "AAAAAAAAAAA")).status).toBe(404);
    expect((await post({ title: "T" }, "not-an-id")).status).toBe(400);
    const anonymous = new Request(`http://127.0.0.1:3000/api/videos/${VIDEO_ID}/update`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "T" }),
    });
    expect((await update(anonymous, routeContext({ videoId: VIDEO_ID }))).status).toBe(401);
    expect((await post({ title: "T" }, VIDEO_ID, { origin: "https://evil.example" })).status).toBe(403);
    expect(await audit()).toHaveLength(0);
  });

  // Needs a second connection, so only on the PostgreSQL server (PGlite has one session).
  it.skipIf(!testServerUrl())("waits for a running import merge step instead of writing between its read and its write", async () => {
    const client = new pg.Client({ connectionString: tdb.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await lockCatalogMerges(drizzle(client));
      let finished = false;
      const edit = post({ label: "Waited" }).then((r) => ((finished = true), r));
      await new Promise((r) => setTimeout(r, 500));
      expect(finished).toBe(false);
      expect((await stored()).label).toBe("RCA");
      await client.query("COMMIT");
      expect((await edit).status).toBe(200);
      expect((await stored()).label).toBe("Waited");
    } finally {
      await client.end();
    }
  });
});
