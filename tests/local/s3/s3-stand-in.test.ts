import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { startTestS3, TEST_BUCKET } from "@/tests/helpers/local-s3";

// The S3 stand-in through the real AWS SDK, the way the app reaches it.
let s3: Awaited<ReturnType<typeof startTestS3>>;
let client: S3Client;

beforeAll(async () => {
  s3 = await startTestS3();
  client = new S3Client({
    region: "us-east-1",
    endpoint: s3.url,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});
afterAll(() => s3.cleanup());

describe("the local S3 stand-in", () => {
  it("creates buckets and stores and returns objects byte for byte", async () => {
    await client.send(new CreateBucketCommand({ Bucket: "another-bucket" }));
    const body = Buffer.from("video_id,title\n-mnH9-SX2Tg,Ünïcode 🎵\n");
    await client.send(new PutObjectCommand({ Bucket: "another-bucket", Key: "reports/a.csv", Body: body }));
    const got = await client.send(new GetObjectCommand({ Bucket: "another-bucket", Key: "reports/a.csv" }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
  });

  it("lists by prefix with pagination", async () => {
    for (let i = 0; i < 7; i++) {
      await client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: `reports/r-${i}.csv`, Body: `n${i}` }));
    }
    await client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: "elsewhere/x.csv", Body: "x" }));
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: "reports/", MaxKeys: 3, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(keys.sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `reports/r-${i}.csv`));
  });

  it("serves byte ranges", async () => {
    await client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: "reports/range.csv", Body: "0123456789" }));
    const got = await client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: "reports/range.csv", Range: "bytes=3-6" }));
    expect(await got.Body!.transformToString()).toBe("3456");
    expect(got.ContentRange).toBe("bytes 3-6/10");
  });

  it("answers a missing key with NoSuchKey", async () => {
    await expect(client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: "reports/none.csv" }))).rejects.toMatchObject({ name: "NoSuchKey" });
  });
});
