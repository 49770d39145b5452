import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { runMigrations } from "@/lib/db/migrate";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";

describe(`migrations on an empty ${testServerUrl() ? "PostgreSQL" : "PGlite"} database`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ install: false });
  });
  afterAll(() => database.drop());

  it("creates every table of the data model", async () => {
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const tables = result.rows.map((r) => (r as { table_name: string }).table_name);
    for (const name of ["videos", "assets", "claims", "channels", "metadata_syncs", "processing_queue", "reports",
      "report_rows_rejected", "video_metrics", "quota_ledger", "users", "accounts", "sessions", "login_attempts"]) {
      expect(tables).toContain(name);
    }
  });

  it("creates the trigram search indexes and the audit index", async () => {
    const result = await database.db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`);
    const defs = Object.fromEntries(result.rows.map((r) => [(r as { indexname: string }).indexname, (r as { indexdef: string }).indexdef]));
    expect(defs.videos_title_trgm_idx).toMatch(/gin_trgm_ops/);
    expect(defs.channels_name_trgm_idx).toMatch(/gin_trgm_ops/);
    expect(defs.metadata_syncs_video_time_idx).toMatch(/video_id, sync_time DESC/);
  });

  it("keeps every YouTube key column in byte order, in every table, so joins compare in one collation", async () => {
    const result = await database.db.execute(sql`
select table_name || '.' || column_name as "column", coalesce(collation_name, 'default') as collation
from information_schema.columns
where table_schema = 'public' and data_type = 'text'
  and column_name ~ '^((claim_|asset_)?(video|asset|channel|claim)_id|asset_(custom_id|isrc|upc)|custom_id|isrc|upc|merged_into|video_key)$'
order by 1`);
    const columns = result.rows as { column: string; collation: string }[];
    // The key columns of the catalog and of the import's scratch tables that the merges join with each other.
    for (const name of ["videos.video_id", "claims.video_id", "claims.asset_id", "assets.asset_id", "channels.channel_id",
      "import_staging.video_id", "import_staging.claim_asset_id", "import_fingerprints.video_key", "import_video_fingerprints.video_id",
      "video_metrics.video_id", "asset_metrics.asset_id", "metadata_syncs.video_id", "processing_queue.asset_id"]) {
      expect(columns.map((c) => c.column)).toContain(name);
    }
    expect(columns.filter((c) => c.collation !== "C")).toEqual([]);
  });

  it("is idempotent: applying again changes nothing", async () => {
    const applied = async () =>
      ((await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).rows[0] as { n: number }).n;
    const before = await applied();
    await runMigrations(database);
    expect(before).toBe(readdirSync("drizzle").filter((f) => f.endsWith(".sql")).length);
    expect(await applied()).toBe(before);
  });
});
