import path from "node:path";
import { fileURLToPath } from "node:url";
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
