import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";
import { allowDesContinuationTokens } from "./des-continuation-tokens";
import { conditionalRequests, type ObjectStore } from "./conditional-requests";
import { verifyPresignedRequests } from "./presigned-signature";
import type { S3Middleware } from "./s3-error-response";

// Browsers upload reports straight into the bucket with a presigned PUT from the app's origin, so the local
// bucket needs the same CORS rule a production bucket gets.
const CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export type LocalS3 = { url: string; port: number; stop: () => Promise<void> };

// The fixed local credentials every client of the stand-in uses (the launcher, tests, the benchmark).
const CREDENTIALS = new Map([["S3RVER", "S3RVER"]]);

type KoaInternals = { middleware: S3Middleware[]; store: ObjectStore };

/** An S3-compatible server on loopback over a folder; the bucket is created (with CORS) when missing. */
export async function startLocalS3(options: { port: number; directory: string; bucket: string }): Promise<LocalS3> {
  allowDesContinuationTokens();
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port,
    directory: options.directory,
    silent: true,
    // s3rver checks only the access key of V4 requests; presigned URLs are verified below.
    allowMismatchedSignatures: false,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [CORS_XML] }],
  });
  // Koa composes its middleware when the server starts listening: these run right after s3rver's logger,
  // before its router, as S3 checks signatures and preconditions before touching the object.
  const koa = server as unknown as KoaInternals;
  koa.middleware.splice(1, 0, verifyPresignedRequests(CREDENTIALS), conditionalRequests(koa.store));
  const address = (await server.run()) as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
