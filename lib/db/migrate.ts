import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { createDatabase, type DatabaseHandle } from "./client";

// Standalone on purpose: the launcher and CI run it before the app starts (no Next.js, no server-only).
const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
  } else if (handle.driver === "neon") {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(handle.db as never, config);
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(handle.db as never, config);
  }
  if (handle.driver === "pglite") await logScratchTables(handle);
}

/**
 * The import's scratch tables are UNLOGGED (cheap bulk writes), and crash recovery empties unlogged tables. A
 * server crashes rarely, but PGlite runs inside the app process: every killed app is a database crash, after
 * which a resumed import would find the rows its finished steps had staged gone. On PGlite they are logged.
 */
async function logScratchTables(handle: DatabaseHandle): Promise<void> {
  for (const table of ["import_staging", "import_fingerprints", "import_video_fingerprints"]) {
    await handle.db.execute(sql.raw(`ALTER TABLE "${table}" SET LOGGED`));
  }
}

async function main(): Promise<void> {
  const handle = await createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
  try {
    await runMigrations(handle);
    console.log(`migrations applied to ${handle.label}`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`migration failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
