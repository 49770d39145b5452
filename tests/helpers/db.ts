import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, useDatabase, type DatabaseHandle, type DriverKind } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";

/** The real server when TEST_DATABASE_URL is set (the PostgreSQL suite), else an in-memory PGlite. */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export type TestDatabase = DatabaseHandle & { url: string | undefined; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test file. On PostgreSQL it is a throwaway database created on the
 * server named by TEST_DATABASE_URL and dropped afterwards. `install` makes it the app's getDb().
 */
export async function createTestDatabase(options: { install?: boolean; driver?: DriverKind; neonWsProxy?: string } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  let url: string | undefined = "memory://";
  let dropDatabase = async () => {};
  if (server) {
    const name = `catalog_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(server, `CREATE DATABASE ${name}`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const handle = await createDatabase({ url, driver: options.driver, neonWsProxy: options.neonWsProxy });
  await runMigrations(handle);
  if (options.install !== false) useDatabase(handle);
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}

async function adminQuery(server: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
