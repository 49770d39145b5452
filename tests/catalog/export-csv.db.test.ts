import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import { GET as videosRoute } from "@/app/api/videos/route";
import { CATALOG_COLUMNS, type CatalogPage, type CatalogVideo } from "@/lib/catalog/contract";
import { exportCatalog } from "@/lib/catalog/export-csv";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
import type { Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createTestUser, routeContext, signedInRequest, type TestUser } from "@/tests/helpers/session";
import { buildSeed, insertSeed, type Seed } from "./catalog-fixture";
import { expectedVideos, type Params } from "./catalog-expect";

// GET /api/export on the seeded catalog: the same rows as GET /api/videos for the same filters and sort, the
// chosen columns, formula cells neutralised, and a stream that stops reading when the client goes away.

let database: TestDatabase;
let user: TestUser;
let seed: Seed;
const ALL = CATALOG_COLUMNS.map((c) => c.key);

beforeAll(async () => {
  database = await createTestDatabase();
  user = await createTestUser(database.db);
  seed = buildSeed(300);
  await insertSeed(database.db, seed);
});
afterAll(() => database.drop());

const parseCsv = (text: string) => Papa.parse<string[]>(text, { newline: "\r\n" }).data.filter((row) => row.length > 1 || row[0] !== "");

/** How a value should read in the file, written down independently of lib/catalog/csv-cells.ts. */
function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return typeof value === "string" || Array.isArray(value) ? (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text) : text;
}
const expectedRows = (videos: CatalogVideo[], columns: readonly string[]) =>
  videos.map((v) => columns.map((c) => expectedCell(v[c as keyof CatalogVideo])));

async function exportResponse(params: Params): Promise<Response> {
  return exportRoute(await signedInRequest(`/api/export?${new URLSearchParams(params)}`, { user }), routeContext());
}

async function searchAll(params: Params): Promise<CatalogVideo[]> {
  const videos: CatalogVideo[] = [];
  for (let page = 1; ; page++) {
    const url = `/api/videos?${new URLSearchParams({ ...params, page: String(page), per_page: "100" })}`;
    const body = (await (await videosRoute(await signedInRequest(url, { user }), routeContext())).json()) as CatalogPage;
    videos.push(...body.videos);
    if (page >= body.pages) return videos;
  }
}

const CASES: Params[] = [
  {},
  { hidden: "all", sort: "title:asc" },
  { search: "love", sort: "views:desc" },
  { has_asset_id: "yes", duration: "medium", category: "Music" },
  { channel_search: "music", is_short: "no", sort: "time_published:asc" },
  { genre: "Pop", has_isrc: "yes", hidden: "all", sort: "video_length:desc" },
  { updated_since: "2025-06-01", sort: "updated_at:asc" },
];

describe("GET /api/export", () => {
  it.each(CASES.map((p) => [JSON.stringify(p), p] as const))("%s: the same rows as the search, every column", async (_, params) => {
    const response = await exportResponse(params);
    expect(response.status).toBe(200);
    const searched = await searchAll(params);
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.map((v) => v.video_id)).toEqual(expectedVideos(seed, params).map((v) => v.video_id));
    expect(parseCsv(await response.text())).toEqual([ALL, ...expectedRows(searched, ALL)]);
    expect(response.headers.get("x-export-rows")).toBe(String(searched.length));
    expect(response.headers.get("x-export-rows-estimate")).toBeNull();
  });

  it("names the file by today's date and sends it as an attachment", async () => {
    const response = await exportResponse({ video_id: "nothing-matches" });
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="video_export_${today}.csv"`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-export-rows")).toBe("0");
    expect(parseCsv(await response.text())).toEqual([ALL]);
  });

  it("writes only the chosen columns, in the order asked", async () => {
    const columns = ["views", "video_id", "genre", "notes"];
    const response = await exportResponse({ columns: columns.join(","), sort: "views:asc", hidden: "all" });
    const rows = parseCsv(await response.text());
    expect(rows).toEqual([columns, ...expectedRows(expectedVideos(seed, { sort: "views:asc", hidden: "all" }), columns)]);
    // One column: an empty cell is written as "" so the row is not an empty line that readers skip.
    const lines = (await (await exportResponse({ columns: "notes", hidden: "all" })).text()).split("\r\n");
    expect(lines).toHaveLength(302);
    expect(lines.filter((line) => line === '""')).toHaveLength(seed.videos.filter((v) => v.notes === null).length);
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const text = await (await exportResponse({ columns: "video_id,title,label,notes", hidden: "all" })).text();
    const titles = parseCsv(text).map((row) => row[1]);
    for (const formula of ["=1+1", "+x", "-x", "@x", "\tx tab", "\rx return"]) {
      expect(titles).toContain(`'${formula}`);
      expect(titles).not.toContain(formula);
    }
    expect(parseCsv(text).map((row) => row[2])).toContain("'=cmd label");
    expect(parseCsv(text).map((row) => row[3])).toContain("'-draft");
    expect(text).toContain('"\'\rx return"');
    expect(text).toContain('"comma, and ""quotes"""');
  });

  it.each([
    ["columns", "title,colour", "video_id, title"],
    ["sort", "colour:asc", "updated_at, time_published"],
    ["duration", "forever", "short, medium, long"],
  ])("%s=%s → 400 naming it and the allowed values", async (param, value, allowed) => {
    const response = await exportResponse({ [param]: value });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; details: { field: string }[] };
    expect(body.message).toContain(param);
    expect(body.message).toContain(allowed);
    expect(body.details[0].field).toBe(param);
  });
});

describe("the export's keyset walk", () => {
  const sorts = ["updated_at", "time_published", "views", "video_length", "title"].flatMap((f) => [`${f}:asc`, `${f}:desc`]);

  it.each(sorts)("sort=%s in batches of 7 gives every row once, in the catalog's order", async (sort) => {
    const query = exportQuerySchema.parse({ sort, hidden: "all", columns: "video_id" });
    const csv = await exportCatalog(database.db, query, { batchRows: 7 });
    const ids = parseCsv(await new Response(csv.body).text()).slice(1).map((row) => row[0]);
    expect(ids).toEqual(expectedVideos(seed, { sort, hidden: "all" }).map((v) => expectedCell(v.video_id)));
  });
});

describe("a download that stops", () => {
  /** The real database, counting the queries made through it. */
  function countingDb(): { db: Database; calls: () => number } {
    let calls = 0;
    const db = new Proxy(database.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "execute") return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { db, calls: () => calls };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

  it("stops querying when the client cancels the stream", async () => {
    const counting = countingDb();
    const csv = await exportCatalog(counting.db, exportQuerySchema.parse({ hidden: "all" }), { batchRows: 5 });
    const reader = csv.body.getReader();
    await reader.read();
    await reader.read();
    await settle();
    const before = counting.calls();
    await reader.cancel();
    await settle();
    expect(counting.calls()).toBe(before);
    expect(before).toBeLessThan(10);
  });

  it("stops querying when the request is aborted", async () => {
    const counting = countingDb();
    const abort = new AbortController();
    const csv = await exportCatalog(counting.db, exportQuerySchema.parse({ hidden: "all" }), { batchRows: 5, signal: abort.signal });
    const reader = csv.body.getReader();
    await reader.read();
    await reader.read();
    await settle();
    abort.abort();
    const before = counting.calls();
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow("cancelled");
    expect(counting.calls()).toBeLessThanOrEqual(before + 1);
  });
});
