import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reports, type NewReport, type Report } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function createReportRecords(db: Database, rows: NewReport[]): Promise<Report[]> {
  return db.insert(reports).values(rows).returning();
}

export async function getReport(db: Database, id: number): Promise<Report> {
  const [report] = await db.select().from(reports).where(eq(reports.id, id));
  if (!report) throw new AppError("not_found", `Report ${id} does not exist. Pick one from the Reports page.`);
  return report;
}

export async function updateReport(db: Pick<Database, "update">, id: number, patch: Partial<NewReport>): Promise<void> {
  await db.update(reports).set(patch).where(eq(reports.id, id));
}

export async function listReportHistory(db: Database, params: { page: number; pageSize: number }) {
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(reports);
  const rows = await db
    .select()
    .from(reports)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  return { reports: rows, total: Number(total), page: params.page, pageSize: params.pageSize };
}

/** The newest report per S3 key, for the import status column of the S3 listing. */
export async function latestReportByKey(db: Database, keys: string[]): Promise<Map<string, Report>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(reports).where(inArray(reports.key, keys)).orderBy(desc(reports.id));
  const byKey = new Map<string, Report>();
  for (const row of rows) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return byKey;
}
