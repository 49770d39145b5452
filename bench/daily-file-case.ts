import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { dailyChanges, dailyExpectation, generateDailyFile } from "./generate-daily-file";

// Issue #12's daily-file case: CMS delivers the same reports every day with most rows repeated. After the first file is
// in the catalog, the next day's file (1% new videos, 5% of the others changed) is imported and timed, and its audit
// trail is checked: one record per changed video, holding exactly the field the generator changed.

export const dailyFilePath = (workDir: string, rows: number) => path.join(workDir, `videos-report-${rows}-daily.csv.gz`);

export async function ensureDailyFile(file: string, rows: number): Promise<void> {
  if (!existsSync(file)) await generateDailyFile(file, rows);
}

export type DailyCaseResult = {
  seconds: number;
  report: Report;
  auditRows: number;
  expectedAuditRows: number;
  /** Every audit record belongs to a changed video and holds exactly the field that changed; every changed video has one. */
  auditExact: boolean;
  problems: string[];
};

/**
 * Imports the daily file into a catalog that holds the first file (`importFile` times one import end to end, however
 * the caller runs it) and checks the result against what the generator changed.
 */
export async function runDailyFileCase(params: {
  db: Database;
  workDir: string;
  rows: number;
  importFile: (file: string) => Promise<{ seconds: number; report: Report }>;
}): Promise<DailyCaseResult> {
  const file = dailyFilePath(params.workDir, params.rows);
  await ensureDailyFile(file, params.rows);
  const { seconds, report } = await params.importFile(file);
  return { seconds, report, ...(await checkDailyImport(params.db, report, params.rows)) };
}

/** The daily file's import against what the generator changed: audit records, counts and change set. */
export async function checkDailyImport(db: Database, report: Report, rows: number) {
  const expected = dailyExpectation(rows);
  const problems: string[] = [];
  const audited = (
    await db.execute(sql`
SELECT video_id, (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(changes) k) AS fields
FROM metadata_syncs WHERE source_kind = 'report' AND source_id = ${String(report.id)}`)
  ).rows as { video_id: string | null; fields: string }[];
  const seen = new Set<string>();
  for (const row of audited) {
    const want = row.video_id ? expected.changed.get(row.video_id) : undefined;
    if (!want) problems.push(`audit record for a video that did not change: ${row.video_id}`);
    else if (row.fields !== want) problems.push(`${row.video_id}: audited ${row.fields}, changed ${want}`);
    if (row.video_id && seen.has(row.video_id)) problems.push(`${row.video_id}: more than one audit record`);
    if (row.video_id) seen.add(row.video_id);
  }
  const missing = [...expected.changed.keys()].filter((id) => !seen.has(id));
  if (missing.length) problems.push(`${missing.length} changed videos without an audit record (e.g. ${missing.slice(0, 3).join(", ")})`);
  const summary = report.summary;
  const perKind = Object.fromEntries(dailyChanges.map((c) => [c.field, [...expected.changed.values()].filter((f) => f === c.field).length]));
  if (summary?.created !== expected.created) problems.push(`created ${summary?.created}, expected ${expected.created}`);
  if (summary?.updated !== expected.changed.size) problems.push(`updated ${summary?.updated}, expected ${expected.changed.size}`);
  if (summary?.change_set?.policy_changed !== perKind.effective_policy) {
    problems.push(`change set policy_changed ${summary?.change_set?.policy_changed}, expected ${perKind.effective_policy}`);
  }
  if (summary?.change_set?.claim_state_changed !== perKind.claim_id) {
    problems.push(`change set claim_state_changed ${summary?.change_set?.claim_state_changed}, expected ${perKind.claim_id}`);
  }
  return { auditRows: audited.length, expectedAuditRows: expected.changed.size, auditExact: problems.length === 0, problems: problems.slice(0, 10) };
}
