import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { metadataSyncs } from "@/lib/db/schema";
import type { TaskContext } from "@/lib/enrichment/task-types";
import { youtubeClients, type YouTubeClients } from "@/lib/youtube/clients";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// What every handler test needs: a migrated database, the real sandbox, clients built as production builds them,
// and a TaskContext whose call() just runs the request and counts it (the drain's caller adds quota and retries).

export const CONTENT_OWNER = "CO-enrichment-test";

export type TaskFixture = {
  db: Database;
  /** The database's URL (a second connection; PostgreSQL only). */
  url: string | undefined;
  sandbox: YouTubeSandbox;
  clients: YouTubeClients;
  context(overrides?: Partial<TaskContext>): TaskContext & { calls: string[] };
  /** Requests the sandbox served on this path (the token endpoint is left out). */
  requestsTo(path: string): { query: Record<string, string>; status: number }[];
  auditRows(): Promise<(typeof metadataSyncs.$inferSelect)[]>;
  reset(): Promise<void>;
  stop(): Promise<void>;
};

let nextTaskId = 1;

export async function startTaskFixture(): Promise<TaskFixture> {
  const database: TestDatabase = await createTestDatabase();
  const sandbox = await startYouTubeSandbox({ port: 0 });
  const clients = youtubeClients({
    apiRootUrl: sandbox.url,
    partnerRootUrl: sandbox.url,
    tokenUrl: `${sandbox.url}/token`,
    contentOwnerId: CONTENT_OWNER,
  });
  return {
    db: database.db,
    url: database.url,
    sandbox,
    clients,
    context(overrides = {}) {
      const calls: string[] = [];
      return {
        db: database.db,
        clients,
        call: async <T>(endpoint: string, fn: () => Promise<T>) => {
          calls.push(endpoint);
          return fn();
        },
        taskId: nextTaskId++,
        forceRefresh: false,
        sandbox: true,
        now: new Date("2026-03-02T10:00:00Z"),
        calls,
        ...overrides,
      };
    },
    requestsTo: (path) => sandbox.requests().filter((r) => r.path === path).map(({ query, status }) => ({ query, status })),
    auditRows: () => database.db.select().from(metadataSyncs).orderBy(metadataSyncs.id),
    async reset() {
      await database.db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, processing_queue RESTART IDENTITY CASCADE`);
      sandbox.clearRequests();
      sandbox.setFailure("none");
    },
    async stop() {
      await sandbox.stop();
      await database.drop();
    },
  };
}
