import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users, type Report } from "@/lib/db/schema";
import { listReportHistory } from "@/lib/import/reports/report-queries";

export type HistoryEntry = Report & {
  /** Who started it: the person's e-mail, "S3 webhook", or a removed user's id. */
  triggeredByLabel: string;
};

/** Every import, newest first (the Reports page's history query), with the person or webhook that started it. */
export async function listProcessingHistory(db: Database, params: { page: number; pageSize: number }) {
  const history = await listReportHistory(db, params);
  const ids = [...new Set(history.reports.map((r) => r.createdBy).filter((id): id is string => Boolean(id)))];
  const people = ids.length ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)) : [];
  const emails = new Map(people.map((p) => [p.id, p.email]));
  const reports: HistoryEntry[] = history.reports.map((r) => ({ ...r, triggeredByLabel: triggeredBy(r, emails) }));
  return { ...history, reports };
}

function triggeredBy(report: Report, emails: Map<string, string>): string {
  if (report.createdBy) return emails.get(report.createdBy) ?? `removed user ${report.createdBy.slice(0, 8)}`;
  if (report.triggeredBy === "webhook") return "S3 webhook";
  return report.triggeredBy ?? "unknown";
}
