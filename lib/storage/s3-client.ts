import { S3Client } from "@aws-sdk/client-s3";
import { getEnv } from "@/lib/env";

const cache = globalThis as unknown as { catalogS3?: { client: S3Client; signature: string } };

/**
 * The one S3 client of the app. With `S3_ENDPOINT` set (the local stand-in, MinIO, R2 …) it uses path-style
 * addressing, which those servers need; without it the SDK reaches AWS in the configured region.
 */
export function getS3Client(): S3Client {
  const env = getEnv();
  const signature = [env.S3_ENDPOINT, env.S3_REGION, env.S3_ACCESS_KEY_ID].join("|");
  if (cache.catalogS3?.signature === signature) return cache.catalogS3.client;
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: Boolean(env.S3_ENDPOINT),
    // S3-compatible servers (the local stand-in, MinIO …) do not all speak the SDK's default streaming
    // checksums (aws-chunked uploads) and would store the framing as content; checksums only where required.
    ...(env.S3_ENDPOINT ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } as const : {}),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
  cache.catalogS3 = { client, signature };
  return client;
}
