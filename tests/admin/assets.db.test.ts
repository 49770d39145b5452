import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/admin/assets/route";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { seedAssets } from "./seed";

let tdb: TestDatabase;
let admin: TestUser;
let user: TestUser;
let seeded: Awaited<ReturnType<typeof seedAssets>>;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin" });
  user = await createTestUser(tdb.db, { role: "user" });
  seeded = await seedAssets(tdb.db, 60);
});
afterAll(() => tdb.drop());

const list = async (query: string, as: TestUser = admin) => GET(await signedInRequest(`/api/admin/assets${query}`, { user: as }), routeContext());

type Row = { asset_id: string; claimed_videos: number; administered: boolean; administer_publish_rights: boolean | null };

/** Administered assets and their claim counts, computed from the seeded rows. */
function expected(): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of seeded.assets) {
    if (a.administered || a.administerPublishRights === true) out.set(a.assetId, seeded.claims.filter((c) => c.assetId === a.assetId).length);
  }
  return out;
}

describe("GET /api/admin/assets", () => {
  it("pages through the administered assets, in asset id order, with claimed video counts", async () => {
    const want = expected();
    const rows: Row[] = [];
    for (let page = 1; ; page++) {
      const response = await list(`?per_page=7&page=${page}`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ total: want.size, pages: Math.ceil(want.size / 7), current_page: page, per_page: 7 });
      rows.push(...body.assets);
      if (page >= body.pages) break;
    }
    expect(new Map(rows.map((r) => [r.asset_id, r.claimed_videos]))).toEqual(want);
    expect(rows.map((r) => r.asset_id)).toEqual([...want.keys()].sort());
    expect(rows.every((r) => r.administered || r.administer_publish_rights === true)).toBe(true);
    expect(rows.some((r) => r.claimed_videos === 0) && rows.some((r) => r.claimed_videos > 3)).toBe(true);
  });

  it("finds an asset by exact asset id, custom id, ISRC or UPC, only when administered", async () => {
    const find = async (term: string) => ((await (await list(`?search=${encodeURIComponent(term)}`)).json()).assets as Row[]).map((r) => r.asset_id);
    const administered = seeded.assets[12];
    const notAdministered = seeded.assets[1];
    expect(administered.administered || administered.administerPublishRights).toBeTruthy();
    expect(notAdministered.administered || notAdministered.administerPublishRights).toBeFalsy();
    for (const term of [administered.assetId, administered.customId!, administered.isrc!, administered.upc!]) {
      expect(await find(term), term).toEqual([administered.assetId]);
    }
    expect(await find(notAdministered.assetId)).toEqual([]);
    expect(await find("CUST-1")).toEqual([]);
  });

  it("refuses bad parameters and plain users", async () => {
    for (const query of ["?per_page=500", "?page=-1", "?page=1.5", "?administered=no"]) {
      expect((await list(query)).status, query).toBe(400);
    }
    expect((await list("", user)).status).toBe(403);
  });
});
