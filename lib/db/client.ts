import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { getEnv } from "@/lib/env";

export type Schema = typeof schema;
/** What `db.execute` returns on every driver: all three put the result rows under `rows`. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[]; rowCount?: number | null };
}
/** One type for every driver: queries are written once against it. */
export type Database = PgDatabase<RowsResultHKT, Schema>;
export type DriverKind = "pglite" | "neon" | "pg";

export type DatabaseHandle = {
  db: Database;
  driver: DriverKind;
  /** Where it points, without credentials (for /health and logs). */
  label: string;
  close: () => Promise<void>;
  /** node-postgres only: the pool, for COPY (bulk loads); other drivers load with multi-row statements. */
  pgPool?: import("pg").Pool;
};

export type CreateDatabaseOptions = {
  url?: string;
  /** Force a driver (tests run the Neon driver against a plain PostgreSQL). */
  driver?: DriverKind;
  dataDir?: string;
  /** Neon driver only: a WebSocket-to-TCP proxy to reach a server that is not Neon. */
  neonWsProxy?: string;
};

/** unset or `memory://` → PGlite; a Neon host → @neondatabase/serverless; any other postgres URL → node-postgres. */
export function selectDriver(url: string | undefined): DriverKind {
  if (!url || url.startsWith("memory://") || url.startsWith("file://")) return "pglite";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// URL (got "${url.split(":")[0]}:…"); unset it to use the embedded database.`);
  }
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.url;
  const driver = options.driver ?? selectDriver(url);
  if (driver === "pglite") return openPglite(url, options.dataDir);
  if (!url) throw new Error(`The ${driver} driver needs a DATABASE_URL.`);
  const label = redact(url);
  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
    if (options.neonWsProxy) {
      const proxy = options.neonWsProxy;
      neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool({ connectionString: url });
    pool.on("error", (error: Error) => console.warn(`[db] idle connection closed by the server: ${error.message}`));
    return { db: drizzle(pool, { schema }) as unknown as Database, driver, label, close: () => pool.end() };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle pooled connection the server closes (restart, failover, a dropped database) is an event on the pool;
  // unheard, it would crash the process. The pool has already discarded that connection; the next query opens another.
  pool.on("error", (error) => console.warn(`[db] idle connection closed by the server: ${error.message}`));
  return { db: drizzle(pool, { schema }) as unknown as Database, driver, label, close: () => pool.end(), pgPool: pool };
}

async function openPglite(url: string | undefined, dataDirOption?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = url?.startsWith("memory://");
  let dataDir: string | undefined;
  if (!inMemory) {
    dataDir = url?.startsWith("file://") ? new URL(url).pathname : path.resolve(dataDirOption ?? getEnv().DATA_DIR, "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite({ dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    driver: "pglite",
    label: inMemory ? "pglite (in memory)" : `pglite (${dataDir})`,
    close: () => client.close(),
  };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

// One handle per process; kept on globalThis so Next's dev reloads reuse it instead of opening more.
const holder = globalThis as unknown as { __catalogDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  holder.__catalogDb ??= createDatabase({ url: getEnv().DATABASE_URL });
  return holder.__catalogDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Points getDb() at a given handle (tests, scripts that open their own database). */
export function useDatabase(handle: DatabaseHandle): void {
  holder.__catalogDb = Promise.resolve(handle);
}
