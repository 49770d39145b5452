import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { requestImports } from "@/lib/import/reports/request-import";
import type { S3ObjectCreated, SkippedRecord } from "./s3-event";

export type DeliveryOutcome = {
  accepted: { key: string; report_id: number }[];
  duplicates: string[];
  ignored: { key: string; reason: string }[];
  /** Records whose key could not be read (bad percent-encoding, control characters). */
  skipped: SkippedRecord[];
};

/**
 * Starts one import per newly delivered object version. The delivery row is claimed first (primary key on the
 * version), so concurrent or repeated deliveries of the same version start exactly one import.
 */
export async function importDeliveredObjects(
  db: Database,
  { objects, skipped }: { objects: S3ObjectCreated[]; skipped: SkippedRecord[] },
): Promise<DeliveryOutcome> {
  const { S3_BUCKET, REPORTS_PREFIX } = getEnv();
  const outcome: DeliveryOutcome = { accepted: [], duplicates: [], ignored: [], skipped };
  for (const object of objects) {
    if (object.bucket !== S3_BUCKET) {
      outcome.ignored.push({ key: object.key, reason: `bucket ${object.bucket} is not the reports bucket` });
      continue;
    }
    if (!object.key.startsWith(REPORTS_PREFIX) || object.key.endsWith("/")) {
      outcome.ignored.push({ key: object.key, reason: `not a file under ${REPORTS_PREFIX}` });
      continue;
    }
    const objectVersion = `${object.bucket}/${object.key}#${object.version}`;
    const claimed = await db.insert(webhookDeliveries).values({ objectVersion }).onConflictDoNothing().returning();
    if (claimed.length === 0) {
      outcome.duplicates.push(object.key);
      continue;
    }
    try {
      const [report] = await requestImports(db, { keys: [object.key], triggeredBy: "webhook" });
      await db.update(webhookDeliveries).set({ reportId: report.id }).where(eq(webhookDeliveries.objectVersion, objectVersion));
      outcome.accepted.push({ key: object.key, report_id: report.id });
    } catch (error) {
      // Release the claim so a later delivery (e.g. once the object is readable) can still start the import.
      await db.delete(webhookDeliveries).where(eq(webhookDeliveries.objectVersion, objectVersion));
      outcome.ignored.push({ key: object.key, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}
