import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/route";
import { loadFirstPage } from "@/app/(app)/_catalog/load-first-page";
import type { CatalogPage } from "@/lib/catalog/contract";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createTestUser, routeContext, signedInRequest, type TestUser } from "@/tests/helpers/session";
import { buildSeed, insertSeed } from "@/tests/catalog/catalog-fixture";

// The catalog page renders its first page on the server and the browser skips its own request when the query
// matches. That is only right if the server's page is exactly what GET /api/videos answers for that query.

let database: TestDatabase;
let user: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  user = await createTestUser(database.db);
  await insertSeed(database.db, buildSeed(120));
});
afterAll(() => database.drop());

async function api(query: string): Promise<{ status: number; body: CatalogPage & { message?: string } }> {
  const response = await GET(await signedInRequest(`/api/videos?${query}`, { user }), routeContext());
  return { status: response.status, body: await response.json() };
}

describe("the catalog page's server-rendered first page", () => {
  it("is the API's answer for the query the browser would send", async () => {
    const loaded = await loadFirstPage({ search: " love ", sort: "views:desc", per_page: "50", hidden: "all", page: "1" });
    expect(loaded?.query).toBe("search=love&hidden=all&sort=views%3Adesc&per_page=50");
    const { status, body } = await api(loaded!.query);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(loaded!.page).toEqual(body);
  });

  it("ignores address values the browser's parsers drop, like the browser does", async () => {
    const loaded = await loadFirstPage({ sort: "views:sideways", page: "0", per_page: "500", duration: "epic" });
    expect(loaded?.query).toBe("");
    expect(loaded!.page).toEqual((await api("")).body);
    expect(loaded!.page.per_page).toBe(20);
  });

  it("leaves a query the API refuses to the browser, which shows the API's message", async () => {
    expect(await loadFirstPage({ updated_since: "yesterday" })).toBeNull();
    const { status, body } = await api("updated_since=yesterday");
    expect(status).toBe(400);
    expect(body.message).toMatch(/updated_since/);
  });
});
