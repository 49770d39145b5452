import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/admin/channels/route";
import { PATCH } from "@/app/api/admin/channels/[channelId]/route";
import { channels, metadataSyncs } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { channelIdFor, seedChannels, type SeededChannels } from "./seed";

let tdb: TestDatabase;
let admin: TestUser;
let user: TestUser;
let seeded: SeededChannels;

const NAMES = [
  "Alpha Music", "Beta 100% Hits", "Beta 1000 Hits", "Gamma_Tunes", "Gamma Tunes", "Delta Records", null,
  ...Array.from({ length: 16 }, (_, i) => `Label ${String.fromCharCode(65 + i)}`),
];

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin" });
  user = await createTestUser(tdb.db, { role: "user" });
  seeded = await seedChannels(tdb.db, NAMES);
});
afterAll(() => tdb.drop());

const list = async (query: string, as: TestUser = admin) => GET(await signedInRequest(`/api/admin/channels${query}`, { user: as }), routeContext());
const patch = async (id: string, body: unknown, as: TestUser = admin, headers?: Record<string, string>) =>
  PATCH(await signedInRequest(`/api/admin/channels/${encodeURIComponent(id)}`, { user: as, method: "PATCH", body, headers }), routeContext({ channelId: id }));

/** The expected video count per channel, from the seeded rows. */
function expectedCounts(): Map<string, number> {
  const counts = new Map(seeded.channels.map((c) => [c.channelId, 0]));
  for (const v of seeded.videos) if (v.channelId && counts.has(v.channelId)) counts.set(v.channelId, counts.get(v.channelId)! + 1);
  return counts;
}

type Row = { channel_id: string; name: string | null; video_count: number; hidden: boolean; description: string | null };

async function allPages(perPage: number, search = ""): Promise<Row[]> {
  const out: Row[] = [];
  for (let page = 1; ; page++) {
    const response = await list(`?per_page=${perPage}&page=${page}${search ? `&search=${encodeURIComponent(search)}` : ""}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    out.push(...body.channels);
    if (page >= body.pages) return out;
  }
}

const auditFor = (id: string) =>
  tdb.db.select().from(metadataSyncs).where(and(eq(metadataSyncs.sourceKind, "user"), eq(metadataSyncs.sourceId, `channel:${id}`))).orderBy(metadataSyncs.id);

describe("GET /api/admin/channels", () => {
  it("pages through every channel with its video count", async () => {
    const first = await (await list("?per_page=5")).json();
    expect(first).toMatchObject({ total: NAMES.length, pages: Math.ceil(NAMES.length / 5), current_page: 1, per_page: 5 });
    const rows = await allPages(5);
    expect(rows).toHaveLength(NAMES.length);
    expect(new Map(rows.map((r) => [r.channel_id, r.video_count]))).toEqual(expectedCounts());
    // Cross-check with a plain GROUP BY over the whole table.
    const grouped = (await tdb.db.execute(sql`SELECT channel_id, count(*)::int AS n FROM videos WHERE channel_id IS NOT NULL GROUP BY channel_id`)).rows;
    for (const r of rows) expect(r.video_count).toBe(Number(grouped.find((g) => g.channel_id === r.channel_id)?.n ?? 0));
    expect(rows.some((r) => r.video_count === 0)).toBe(true);
    expect(rows.at(-1)!.name).toBeNull();
  });

  it("searches names case-insensitively, with % and _ taken literally, and by exact channel id", async () => {
    const names = async (term: string) => (await allPages(100, term)).map((r) => r.name).sort();
    expect(await names("alpha")).toEqual(["Alpha Music"]);
    expect(await names("100%")).toEqual(["Beta 100% Hits"]);
    expect(await names("a_t")).toEqual(["Gamma_Tunes"]);
    expect(await names("beta")).toEqual(["Beta 100% Hits", "Beta 1000 Hits"]);
    expect(await names(channelIdFor(3))).toEqual(["Gamma_Tunes"]);
    expect(await names("nothing like this")).toEqual([]);
  });

  it("refuses bad parameters with the parameter named", async () => {
    for (const query of ["?per_page=0", "?per_page=101", "?page=0", "?page=abc", "?sort=name", `?search=${"x".repeat(201)}`]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.status).toBe("error");
      expect(body.details.length, query).toBeGreaterThan(0);
    }
    expect((await list("?search=a%00b")).status).toBe(400);
    expect((await list("", user)).status).toBe(403);
  });
});

describe("PATCH /api/admin/channels/{channelId}", () => {
  it("renames a channel and audits the change with the admin", async () => {
    const id = channelIdFor(0);
    const response = await patch(id, { name: "  Alpha Music Official " });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.channel).toMatchObject({ channel_id: id, name: "Alpha Music Official", video_count: expectedCounts().get(id) });
    expect(body.changes).toEqual({ name: ["Alpha Music", "Alpha Music Official"] });
    const [row] = await tdb.db.select().from(channels).where(eq(channels.channelId, id));
    expect(row.name).toBe("Alpha Music Official");
    const audit = await auditFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ sourceKind: "user", userId: admin.id, videoId: null, assetId: null, changes: { name: ["Alpha Music", "Alpha Music Official"] } });
  });

  it("describes and hides in one change, shows again, clears the description, and writes nothing for no change", async () => {
    const id = channelIdFor(1);
    expect((await patch(id, { description: "Line one\nLine two", hidden: true })).status).toBe(200);
    expect((await tdb.db.select().from(channels).where(eq(channels.channelId, id)))[0]).toMatchObject({ description: "Line one\nLine two", hidden: true });
    expect((await patch(id, { hidden: false })).status).toBe(200);
    expect((await patch(id, { description: "" })).status).toBe(200);
    const unchanged = await patch(id, { hidden: false, name: "Beta 100% Hits" });
    expect((await unchanged.json()).changes).toEqual({});
    const audit = await auditFor(id);
    expect(audit.map((a) => a.changes)).toEqual([
      { description: [null, "Line one\nLine two"], hidden: [false, true] },
      { hidden: [true, false] },
      { description: ["Line one\nLine two", null] },
    ]);
    expect(audit.every((a) => a.userId === admin.id && a.videoId === null)).toBe(true);
    const listed = (await allPages(100, "beta 100%"))[0];
    expect(listed).toMatchObject({ hidden: false, description: null });
  });

  it("accepts an id without the UC prefix, as Studio report files write it", async () => {
    const id = channelIdFor(2);
    const response = await patch(id.slice(2), { hidden: true });
    expect(response.status).toBe(200);
    expect((await response.json()).channel).toMatchObject({ channel_id: id, hidden: true });
  });

  it("refuses bad ids and bad bodies with 400, unknown channels with 404, plain users with 403", async () => {
    const id = channelIdFor(4);
    for (const bad of ["UCshort", "not a channel", `${id}x`, ` ${id}`, "UC" + "!".repeat(22)]) {
      expect((await patch(bad, { hidden: true })).status, bad).toBe(400);
    }
    const bodies: unknown[] = [{}, { name: "" }, { name: "   " }, { name: 5 }, { hidden: "yes" }, { title: "x" }, { name: "a\u0007b" }, { name: "x".repeat(201) }, { description: "a\u0000b" }, [1]];
    for (const body of bodies) {
      const response = await patch(id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).status).toBe("error");
    }
    expect((await patch(id, "name=x", admin, { "content-type": "text/plain" })).status).toBe(415);
    expect((await patch(channelIdFor(9_999), { hidden: true })).status).toBe(404);
    expect((await patch(id, { hidden: true }, user)).status).toBe(403);
    expect((await patch(id, { hidden: true }, admin, { origin: "https://evil.example" })).status).toBe(403);
    expect(await auditFor(id)).toHaveLength(0);
    expect((await tdb.db.select().from(channels).where(eq(channels.channelId, id)))[0].hidden).toBe(false);
  });
});
