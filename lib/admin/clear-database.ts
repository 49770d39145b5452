import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { metadataSyncs, reports } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { CLEAR_DATABASE_SOURCE, recordAdminChange } from "./admin-audit";

// Catalog data and import state. Kept: users, accounts, sessions and sign-in attempts (people), and the quota
// ledger (units already spent today still count against Google's daily budget). Files in the bucket stay too,
// so every report can be imported again.
const COUNTED_TABLES = {
  videos: "videos",
  claims: "claims",
  assets: "assets",
  channels: "channels",
  video_metrics: "video_metrics",
  asset_metrics: "asset_metrics",
  audit_records: "metadata_syncs",
  queue_tasks: "processing_queue",
  reports: "reports",
  rejected_rows: "report_rows_rejected",
} as const;
const SCRATCH_TABLES = ["import_staging", "import_steps", "import_fingerprints", "import_video_fingerprints", "webhook_deliveries"];
const CLEARED_TABLES = [...Object.values(COUNTED_TABLES), ...SCRATCH_TABLES];

export type ClearedCounts = Record<keyof typeof COUNTED_TABLES, number>;
export type ClearResult = { counts: ClearedCounts; auditId: number; clearedAt: Date };

export const CATALOG_TABLE_LABELS: Record<keyof typeof COUNTED_TABLES, string> = {
  videos: "Videos",
  claims: "Claims",
  assets: "Assets",
  channels: "Channels",
  video_metrics: "Video metrics",
  asset_metrics: "Asset metrics",
  audit_records: "Audit records",
  queue_tasks: "Queue tasks",
  reports: "Reports (imports)",
  rejected_rows: "Rejected rows",
};

export async function countCatalogRows(db: Pick<Database, "execute">): Promise<ClearedCounts> {
  const columns = Object.entries(COUNTED_TABLES).map(([key, table]) => `(SELECT count(*) FROM ${table})::int AS ${key}`);
  const [row] = (await db.execute(sql.raw(`SELECT ${columns.join(", ")}`))).rows;
  return Object.fromEntries(Object.keys(COUNTED_TABLES).map((key) => [key, Number(row[key])])) as ClearedCounts;
}

/** Imports that have not ended: clearing under them would leave a half-merged catalog or a failing run. */
export async function runningImports(db: Pick<Database, "select">) {
  return db
    .select({ id: reports.id, filename: reports.filename, status: reports.status })
    .from(reports)
    .where(inArray(reports.status, ["pending", "processing"]))
    .orderBy(reports.id);
}

/**
 * Deletes all catalog data in one transaction and records who did it. The tables are locked first, so no import
 * can be requested or step forward between the running-import check and the clear. TRUNCATE instead of DELETE:
 * millions of rows go at once. Identities are not restarted, so a late event for an old report id can never
 * reach a new report. Records of earlier clears are put back, so the trail of who cleared when survives.
 */
export async function clearDatabase(db: Database, by: { id: string; email: string }): Promise<ClearResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`LOCK TABLE ${CLEARED_TABLES.join(", ")} IN ACCESS EXCLUSIVE MODE`));
    const running = await runningImports(tx);
    if (running.length > 0) {
      const first = running[0];
      throw new AppError(
        "conflict",
        `An import is still running (report ${first.id}, ${first.filename}, ${first.status}). Wait for it to finish or cancel it on the Reports page, then clear the database.`,
        { running: running.map((r) => ({ report_id: r.id, filename: r.filename, status: r.status })) },
      );
    }
    const counts = await countCatalogRows(tx);
    const earlierClears = await tx
      .select()
      .from(metadataSyncs)
      .where(and(eq(metadataSyncs.sourceKind, "user"), eq(metadataSyncs.sourceId, CLEAR_DATABASE_SOURCE)));
    await tx.execute(sql.raw(`TRUNCATE ${CLEARED_TABLES.join(", ")}`));
    if (earlierClears.length > 0) await tx.insert(metadataSyncs).values(earlierClears);
    const record = await recordAdminChange(tx, {
      userId: by.id,
      sourceId: CLEAR_DATABASE_SOURCE,
      changes: { cleared_database: [null, { ...counts, by: by.email }] },
    });
    return { counts, auditId: record.id, clearedAt: record.syncTime };
  });
}

/** The newest database clears, for the Database tab: when, by whom, and what they removed. */
export async function listDatabaseClears(db: Database, limit = 5) {
  const rows = await db
    .select()
    .from(metadataSyncs)
    .where(and(eq(metadataSyncs.sourceKind, "user"), eq(metadataSyncs.sourceId, CLEAR_DATABASE_SOURCE)))
    .orderBy(sql`${metadataSyncs.syncTime} desc`, sql`${metadataSyncs.id} desc`)
    .limit(limit);
  return rows.map((r) => {
    const cleared = (r.changes.cleared_database?.[1] ?? {}) as Partial<ClearedCounts> & { by?: string };
    return { id: r.id, at: r.syncTime, userId: r.userId, by: cleared.by ?? r.userId ?? "unknown", videos: cleared.videos ?? 0, reports: cleared.reports ?? 0 };
  });
}
