import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";
import { allowDesContinuationTokens } from "./des-continuation-tokens";

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

/** An S3-compatible server on loopback over a folder; the bucket is created (with CORS) when missing. */
export async function startLocalS3(options: { port: number; directory: string; bucket: string }): Promise<LocalS3> {
  allowDesContinuationTokens();
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port,
    directory: options.directory,
    silent: true,
    // The app signs requests with fixed local credentials; s3rver checks them as S3 would.
    allowMismatchedSignatures: false,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [CORS_XML] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
