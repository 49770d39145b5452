import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogWhere, hiddenChannelIds } from "@/lib/catalog/catalog-filters";
import { catalogCsv } from "@/lib/catalog/export-csv";
import { copyCatalogCsv, crlfRows } from "@/lib/catalog/export-copy";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";
import { buildSeed, insertSeed } from "./catalog-fixture";

// The COPY export (node-postgres) writes the same bytes as the keyset export that PGlite and Neon use, and a
// cancelled COPY gives its connection back. COPY streams exist only on node-postgres, so on PGlite this file
// only checks the line-ending rewrite. Flat memory on 200,000 rows: export-memory.db.test.ts, whose route
// export takes this path on PostgreSQL.

const server = testServerUrl();

describe("crlfRows", () => {
  it("ends rows with CRLF but keeps line breaks inside quoted cells, across chunk boundaries", () => {
    const text = 'a,"x\ny ""q"" z\n",b\nc,"",d\n"\n"\n';
    for (let split = 0; split <= text.length; split++) {
      const convert = crlfRows();
      const out = [text.slice(0, split), text.slice(split)].map((part) => convert(Buffer.from(part)).toString()).join("");
      expect(out).toBe('a,"x\ny ""q"" z\n",b\r\nc,"",d\r\n"\n"\r\n');
    }
  });
});

describe.skipIf(!server)("the COPY export (PostgreSQL only: PGlite and Neon have no COPY stream)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertSeed(database.db, buildSeed(300));
    // Cells the seed lacks: an empty title and list, list items with quotes and commas, a lone quote, emoji,
    // line breaks of both kinds, formulas in lists and notes, an audit record without a video.
    await database.db.execute(sql`
INSERT INTO videos (video_id, title, artist, genre, notes, views, video_length, is_short, hidden, updated_at) VALUES
  ('zz-1', '', ARRAY[]::text[], ARRAY['=SUM(A1)', 'Rock, "hard"'], 'line\r\nbreak', 9007199254740991, 0, false, false, now()),
  ('zz-2', '"', ARRAY['@artist', NULL, 'B'], ARRAY['Pop'], E'tab\tinside', 0, NULL, true, true, now()),
  ('zz-3', '😀 ünï "x"', NULL, NULL, '+', NULL, 3600, NULL, false, now()),
  ('zz-4', E'\rstart', ARRAY['-minus'], ARRAY['Pop'], E'\t', 1, 1, NULL, false, now())`);
    await database.db.execute(sql`INSERT INTO metadata_syncs (video_id, sync_time, source_kind, changes) VALUES
      (NULL, now(), 'report', '{}'::jsonb), ('zz-1', now() - interval '1 day', 'user', '{}'::jsonb), ('zz-1', now(), 'api', '{}'::jsonb)`);
  }, 60_000);
  afterAll(() => database?.drop());

  async function both(params: Record<string, string>): Promise<[Buffer, Buffer]> {
    const query = exportQuerySchema.parse(params);
    const where = catalogWhere(query, query.hidden === "all" ? [] : await hiddenChannelIds(database.db));
    const keyset = Buffer.from(await new Response(catalogCsv(database.db, query, where, { batchRows: 7 })).arrayBuffer());
    const copy = Buffer.from(await new Response(copyCatalogCsv(database.pgPool!, query, where)).arrayBuffer());
    return [keyset, copy];
  }

  it.each<Record<string, string>>([
    {},
    { hidden: "all", sort: "title:asc" },
    { hidden: "all", sort: "views:desc", columns: "views,video_id,genre,artist,notes,is_short,hidden" },
    { search: "love", sort: "views:desc" },
    { has_asset_id: "yes", duration: "medium", category: "Music" },
    { channel_search: "music", is_short: "no", sort: "time_published:asc", columns: "channel_name,title,last_synced" },
    { genre: "Pop", hidden: "all", sort: "video_length:desc" },
    { updated_since: "2025-06-01", sort: "updated_at:asc", columns: "updated_at,last_synced,video_id" },
    { hidden: "all", columns: "notes" },
    { hidden: "all", columns: "title", sort: "title:desc" },
    { hidden: "yes", columns: "is_short" },
    { search: "it's 50% o_f", columns: "title" },
  ])("%j: byte for byte the keyset export", async (params) => {
    const [keyset, copy] = await both(params);
    expect(keyset.toString().split("\r\n").length).toBeGreaterThan(1);
    expect(copy.toString()).toBe(keyset.toString());
    expect(copy.equals(keyset)).toBe(true);
  });

  it("gives the connection back when the download is cancelled mid-stream", async () => {
    const pool = database.pgPool!;
    await database.db.execute(sql`INSERT INTO videos (video_id, title, updated_at) SELECT 'bulk' || i, repeat('x', 200), now() FROM generate_series(1, 20000) i`);
    const query = exportQuerySchema.parse({ hidden: "all" });
    const reader = copyCatalogCsv(pool, query, catalogWhere(query, [])).getReader();
    for (let i = 0; i < 3; i++) expect((await reader.read()).done).toBe(false);
    expect(pool.totalCount - pool.idleCount).toBe(1);
    await reader.cancel();
    // The broken connection is closed, not returned: nothing is checked out and the server ends the COPY.
    await expect.poll(() => pool.totalCount - pool.idleCount).toBe(0);
    await expect
      .poll(async () => (await database.db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%' AND datname = current_database()`)).rows[0].n)
      .toBe(0);
    await database.db.execute(sql`DELETE FROM videos WHERE video_id LIKE 'bulk%'`);
  });

  it("gives the connection back when the request is aborted, and ends the stream with an error", async () => {
    const pool = database.pgPool!;
    const abort = new AbortController();
    const query = exportQuerySchema.parse({ hidden: "all" });
    const reader = copyCatalogCsv(pool, query, catalogWhere(query, []), { signal: abort.signal }).getReader();
    await reader.read();
    abort.abort();
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow("cancelled");
    await expect.poll(() => pool.totalCount - pool.idleCount).toBe(0);
  });
});
