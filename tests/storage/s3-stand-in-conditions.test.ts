import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { startTestS3, TEST_BUCKET } from "@/tests/helpers/local-s3";
import { getS3Client } from "@/lib/storage/s3-client";

// What S3 enforces and the app now relies on, checked against the local stand-in through the real SDK: presigned
// URLs are verified (signed Content-Length and If-None-Match, expiry), and conditional reads and writes hold.

let s3: Awaited<ReturnType<typeof startTestS3>>;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.cleanup());

const text = async (key: string) =>
  (await getS3Client().send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key })).then((r) => r.Body!.transformToString()));

async function presignPut(key: string, size: number, options: { signingDate?: Date; expiresIn?: number } = {}) {
  const command = new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, ContentLength: size, IfNoneMatch: "*" });
  return getSignedUrl(getS3Client(), command, { expiresIn: options.expiresIn ?? 900, signingDate: options.signingDate });
}

const put = (url: string, body: string, headers: Record<string, string> = { "If-None-Match": "*" }) => fetch(url, { method: "PUT", body, headers });
const errorCode = async (response: Response) => /<Code>([^<]*)<\/Code>/.exec(await response.text())?.[1];

describe("presigned uploads on the stand-in", () => {
  it("accept exactly the signed length, once, for names with spaces, plus signs and accents", async () => {
    const key = "reports/Ünï (1)+x.csv";
    const url = await presignPut(key, 5);
    expect((await put(url, "12345")).status).toBe(200);
    await expect(text(key)).resolves.toBe("12345");
  });

  it("refuse a different length: the signature covers Content-Length", async () => {
    const url = await presignPut("reports/length.csv", 5);
    for (const body of ["1234", "123456", "x".repeat(100_000)]) {
      const response = await put(url, body);
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("SignatureDoesNotMatch");
    }
    expect((await put(url, "12345")).status).toBe(200);
  });

  it("refuse a PUT without the signed If-None-Match, and a replay once the object exists", async () => {
    const url = await presignPut("reports/once.csv", 5);
    const stripped = await put(url, "aaaaa", {});
    expect([stripped.status, await errorCode(stripped)]).toEqual([403, "SignatureDoesNotMatch"]);
    expect((await put(url, "first")).status).toBe(200);
    const replay = await put(url, "other");
    expect([replay.status, await errorCode(replay)]).toEqual([412, "PreconditionFailed"]);
    await expect(text("reports/once.csv")).resolves.toBe("first");
  });

  it("refuse a tampered signature or query and an expired URL", async () => {
    const url = await presignPut("reports/tamper.csv", 5);
    const tampered = url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`);
    expect((await put(tampered, "12345")).status).toBe(403);
    expect((await put(url.replace("tamper.csv", "other.csv"), "12345")).status).toBe(403);
    const expired = await presignPut("reports/expired.csv", 5, { signingDate: new Date(Date.now() - 3_600_000), expiresIn: 60 });
    const response = await put(expired, "12345");
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Request has expired/);
    expect((await put(url, "12345")).status).toBe(200);
  });

  it("answer a refused browser upload with a CORS header, so the page can read the reason", async () => {
    const url = await presignPut("reports/cors.csv", 5);
    const response = await fetch(url, { method: "PUT", body: "1234", headers: { "If-None-Match": "*", Origin: "http://127.0.0.1:3000" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("conditional requests on the stand-in", () => {
  it("reads with If-Match only while the ETag is the same, ranged reads included", async () => {
    const key = "reports/pinned.csv";
    const first = await getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: "0123456789" }));
    const etag = first.ETag!;
    const ranged = await getS3Client().send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key, IfMatch: etag, Range: "bytes=4-" }));
    expect(await ranged.Body!.transformToString()).toBe("456789");
    await getS3Client().send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: key, IfMatch: etag }));

    await getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: "replaced!!" }));
    await expect(getS3Client().send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key, IfMatch: etag }))).rejects.toMatchObject({
      name: "PreconditionFailed",
      $metadata: { httpStatusCode: 412 },
    });
    await expect(getS3Client().send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: key, IfMatch: etag }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
  });

  it("refuses a PutObject with If-None-Match: * over an existing key", async () => {
    const key = "reports/exists.csv";
    await getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: "a", IfNoneMatch: "*" }));
    await expect(getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: "b", IfNoneMatch: "*" }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
    await expect(text(key)).resolves.toBe("a");
  });
});
