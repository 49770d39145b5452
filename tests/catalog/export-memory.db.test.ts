import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";
import { createTestUser, routeContext, signedInRequest, type TestUser } from "@/tests/helpers/session";

// A large export streams in constant memory: the file is several times larger than the heap may grow while
// it is read. PGlite runs inside this process and is slower, so it gets fewer rows than PostgreSQL.

const ROWS = testServerUrl() ? 200_000 : 60_000;
const MAX_GROWTH = 16 * 1024 * 1024;

let database: TestDatabase;
let user: TestUser;

// A collection before each sample measures what the stream keeps, not garbage that is waiting to be collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

beforeAll(async () => {
  database = await createTestDatabase();
  user = await createTestUser(database.db);
  await database.db.execute(sql`INSERT INTO channels (channel_id, name) SELECT 'UC-big-' || c, 'Big channel ' || c FROM generate_series(0, 49) c`);
  await database.db.execute(sql`
INSERT INTO videos (video_id, title, channel_id, channel_name, asset_id, custom_id, artist, genre, category, effective_policy,
  claimed_status, video_length, views, time_published, updated_at, notes)
SELECT 'big' || lpad(i::text, 8, '0'), 'A rather long title for row number ' || i || ', with some words after it',
  'UC-big-' || (i % 50), 'Big channel ' || (i % 50), 'A' || (100000000000000 + i), 'CUST-' || i, ARRAY['Artist ' || (i % 97)],
  ARRAY['Pop'], 'Music', 'Monetize', 'claimed', i % 3600, i * 7, timestamptz '2020-01-01' + i * interval '1 minute',
  timestamptz '2025-06-01', repeat('a note that makes the row wider ', 30)
FROM generate_series(1, ${ROWS}) i`);
  await database.db.execute(sql`
INSERT INTO metadata_syncs (video_id, sync_time, source_kind, source_id, changes)
SELECT 'big' || lpad(i::text, 8, '0'), timestamptz '2025-06-01', 'report', '1', '{"views": [0, 1]}'::jsonb
FROM generate_series(1, ${ROWS}, 3) i`);
  await database.db.execute(sql`ANALYZE videos`);
}, 120_000);
afterAll(() => database.drop());

describe("a large export", () => {
  it(`streams ${ROWS.toLocaleString("en")} rows with flat memory`, async () => {
    const response = await GET(await signedInRequest("/api/export?sort=views:desc", { user }), routeContext());
    expect(response.status).toBe(200);
    // Far more than the exact-count limit: the row count is the planner's estimate, flagged as such.
    expect(response.headers.get("x-export-rows-estimate")).toBe("1");
    expect(Number(response.headers.get("x-export-rows"))).toBeGreaterThan(ROWS * 0.8);

    // The JS heap plus array buffers: the stream's chunks are Uint8Arrays, whose bytes live outside the heap.
    // The baseline is taken after the first rows: PGlite's memory (an array buffer in this process) grows to
    // its working size on the first query and stays there.
    const used = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const reader = response.body!.getReader();
    let bytes = 0;
    let lines = 0;
    const take = (value: Uint8Array) => {
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
    };
    for (let warmUp = 0; warmUp < 2; warmUp++) take((await reader.read()).value!);
    const baseline = used();
    let peak = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
      peak = Math.max(peak, used() - baseline);
    }
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(4 * MAX_GROWTH);
    expect(peak).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});
