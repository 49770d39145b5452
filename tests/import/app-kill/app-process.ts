// The app's real /api/inngest route in a process of its own (as bench/app-server.ts), so a test can kill the app
// with SIGKILL in the middle of a step. Besides the route it serves a few test-only control endpoints, because
// with the embedded database (PGlite) this process is the only one that can open the database.
// Env: PORT, APP_URL, DATABASE_URL (postgres:// or file://), S3_*, INNGEST_*, IMPORT_*.
// It loads its modules, says "loaded", and waits for a line on stdin before it opens the database and listens:
// a replacement can then be loaded while the process it replaces still runs, and take over within a second.
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { requestImports } from "@/lib/import/reports/request-import";
import { serveRouteHandlers } from "@/local/http/serve-route-handlers";
import { holdMidStaging } from "./hold-mid-staging";

// The test holds stdin open: when it ends (the test process is gone), so does this process.
process.stdin.once("end", () => process.exit(0));
const inngestRoute = await import("@/app/api/inngest/route");
console.log("app-process loaded");
await new Promise((resolve) => process.stdin.once("data", resolve));

const handle = await getDatabase();
await runMigrations(handle);
const db = handle.db;

const json = async (request: Request) => (await request.json()) as Record<string, unknown>;

const control = {
  "/__test/sql": {
    POST: async (request: Request) => Response.json((await db.execute(sql.raw(String((await json(request)).text)))).rows),
  },
  "/__test/import": {
    POST: async (request: Request) => {
      const [report] = await requestImports(db, { keys: [String((await json(request)).key)], triggeredBy: "user" });
      return Response.json({ id: report.id });
    },
  },
  "/__test/hold-mid-staging": {
    POST: async (request: Request) => {
      const { reportId, minIndex, timeoutMs } = (await json(request)) as { reportId: number; minIndex: number; timeoutMs: number };
      return Response.json(await holdMidStaging(db, reportId, minIndex, timeoutMs));
    },
  },
};

const server = await serveRouteHandlers({ "/api/inngest": inngestRoute, ...control }, Number(process.env.PORT));
console.log(`app-process ready ${server.url} (${handle.label})`);
