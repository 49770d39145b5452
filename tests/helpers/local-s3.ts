import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resetEnvCache } from "@/lib/env";
import { startLocalS3, type LocalS3 } from "@/local/s3/server";

export const TEST_BUCKET = "catalog-test-reports";

/** Starts the S3 stand-in on a free port over a temporary folder and points the app's env at it. */
export async function startTestS3(): Promise<LocalS3 & { cleanup: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), "catalog-s3-"));
  const s3 = await startLocalS3({ port: 0, directory, bucket: TEST_BUCKET });
  Object.assign(process.env, {
    S3_ENDPOINT: s3.url,
    S3_BUCKET: TEST_BUCKET,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    REPORTS_PREFIX: "reports/",
  });
  resetEnvCache();
  return {
    ...s3,
    cleanup: async () => {
      await s3.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
