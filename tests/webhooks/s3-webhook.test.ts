import http from "node:http";
import type { AddressInfo } from "node:net";
import { createSign, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";
import { signBody } from "@/lib/webhooks/hmac-signature";
import { snsStringToSign, type SnsMessage } from "@/lib/webhooks/sns-signature";
import { startLocalStack, stackSecrets, type LocalStack } from "@/tests/helpers/local-stack";
import { TEST_BUCKET } from "@/tests/helpers/local-s3";

// F5 through the real route handler: signatures first, then exactly one import per object version.
let stack: LocalStack;
let route: typeof import("@/app/api/webhooks/s3/route");
let certServer: http.Server;
let confirmations = 0;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const TOPIC = "arn:aws:sns:us-east-1:123456789012:reports";
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%20/g, "+");
const s3Record = (encodedKey: string, version = "v1") => ({
  eventName: "ObjectCreated:Put", s3: { bucket: { name: TEST_BUCKET }, object: { key: encodedKey, versionId: version, size: 10 } },
});
const s3Event = (key: string, version = "v1") => ({ Records: [s3Record(encodeKey(key), version)] });
const hmacHeaders = (body: string) => ({ "x-catalog-signature": signBody(body, stackSecrets.webhookSecret), "content-type": "application/json" });

function post(body: string, headers: Record<string, string>) {
  return route.POST(new Request("http://app.test/api/webhooks/s3", { method: "POST", body, headers }), { params: Promise.resolve({}) });
}

function snsMessage(fields: Partial<SnsMessage>, certBase: string): SnsMessage {
  const message = {
    Type: "Notification", MessageId: "m-1", TopicArn: TOPIC, Message: "", Timestamp: new Date().toISOString(),
    SignatureVersion: "2", SigningCertURL: `${certBase}/cert.pem`, Signature: "", ...fields,
  } as SnsMessage;
  message.Signature = createSign("RSA-SHA256").update(snsStringToSign(message)).sign(privateKey, "base64");
  return message;
}

const reportCount = async () => Number((await stack.database.db.execute(sql`SELECT count(*)::int AS n FROM reports`)).rows[0].n);

beforeAll(async () => {
  stack = await startLocalStack();
  certServer = http.createServer((req, res) => {
    if (req.url === "/confirm") confirmations++;
    res.end(req.url === "/cert.pem" ? publicKey.export({ type: "spki", format: "pem" }) : "ok");
  });
  await new Promise<void>((r) => certServer.listen(0, "127.0.0.1", r));
  process.env.SNS_CERT_BASE_URL = `http://127.0.0.1:${(certServer.address() as AddressInfo).port}`;
  process.env.SNS_TOPIC_ARN = TOPIC;
  resetEnvCache();
  route = await import("@/app/api/webhooks/s3/route");
  for (const key of ["reports/new report.csv", "reports/second.csv", "reports/good one.csv", "reports/third.csv"]) {
    await getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: "video_id,video_title\n" }));
  }
}, 60_000);
afterAll(async () => {
  certServer.close();
  await stack.stop();
});

describe("POST /api/webhooks/s3", () => {
  it("refuses unsigned and badly signed requests and starts nothing", async () => {
    const body = JSON.stringify(s3Event("reports/new report.csv"));
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { "x-catalog-signature": signBody(body, "wrong-secret") })).status).toBe(401);
    expect((await post(body, { "x-catalog-signature": signBody(body + " ", stackSecrets.webhookSecret) })).status).toBe(401);
    const refused = await post(body, { "x-catalog-signature": "sha256=00" });
    expect(await refused.json()).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/WEBHOOK_SECRET/) });
    expect(await reportCount()).toBe(0);
  });

  it("imports a signed delivery once, however often it is delivered", async () => {
    const body = JSON.stringify(s3Event("reports/new report.csv"));
    const headers = { "x-catalog-signature": signBody(body, stackSecrets.webhookSecret), "content-type": "application/json" };
    const first = await (await post(body, headers)).json();
    expect(first.outcome.accepted).toEqual([{ key: "reports/new report.csv", report_id: expect.any(Number) }]);
    const again = await Promise.all([post(body, headers), post(body, headers)]);
    for (const response of again) expect((await response.json()).outcome.duplicates).toEqual(["reports/new report.csv"]);
    expect(await reportCount()).toBe(1);
    const [report] = (await stack.database.db.execute(sql`SELECT key, triggered_by FROM reports`)).rows;
    expect(report).toEqual({ key: "reports/new report.csv", triggered_by: "webhook" });
  });

  it("ignores objects outside the reports prefix and keys that are not in the bucket", async () => {
    const body = JSON.stringify({ Records: [...s3Event("other/x.csv").Records, ...s3Event("reports/missing.csv").Records] });
    const result = await (await post(body, { "x-catalog-signature": signBody(body, stackSecrets.webhookSecret) })).json();
    expect(result.outcome.accepted).toEqual([]);
    expect(result.outcome.ignored.map((i: { key: string }) => i.key)).toEqual(["other/x.csv", "reports/missing.csv"]);
  });

  it("accepts SNS notifications with a valid signature and refuses a forged one", async () => {
    const base = process.env.SNS_CERT_BASE_URL!;
    const message = snsMessage({ Message: JSON.stringify(s3Event("reports/second.csv", "v7")) }, base);
    const headers = { "x-amz-sns-message-type": "Notification" };
    const forged = { ...message, Message: JSON.stringify(s3Event("reports/second.csv", "v8")) };
    expect((await post(JSON.stringify(forged), headers)).status).toBe(401);
    const foreignCert = snsMessage({ Message: message.Message, SigningCertURL: "https://evil.example.com/cert.pem" }, base);
    expect((await post(JSON.stringify(foreignCert), headers)).status).toBe(401);

    const accepted = await (await post(JSON.stringify(message), headers)).json();
    expect(accepted.outcome.accepted).toEqual([{ key: "reports/second.csv", report_id: expect.any(Number) }]);
    const duplicate = await (await post(JSON.stringify(message), headers)).json();
    expect(duplicate.outcome.duplicates).toEqual(["reports/second.csv"]);
  });

  it("confirms an SNS subscription whose signature verifies", async () => {
    const base = process.env.SNS_CERT_BASE_URL!;
    const message = snsMessage({ Type: "SubscriptionConfirmation", Message: "confirm", SubscribeURL: `${base}/confirm`, Token: "t" }, base);
    const response = await post(JSON.stringify(message), { "x-amz-sns-message-type": "SubscriptionConfirmation" });
    expect(await response.json()).toEqual({ kind: "subscription_confirmed" });
    expect(confirmations).toBe(1);
  });

  it("refuses a body over 256 KB with 413 before looking at its signature, declared or streamed", async () => {
    const before = await reportCount();
    const padding = "x".repeat(300 * 1024);
    const body = JSON.stringify({ ...s3Event("reports/third.csv", "big"), padding });
    const declared = await post(body, hmacHeaders(body));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "payload_too_large" });
    // Without a Content-Length (chunked), reading stops at the limit.
    const stream = new Blob([body]).stream();
    const request = new Request("http://app.test/api/webhooks/s3", { method: "POST", body: stream, headers: hmacHeaders(body), duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect((await route.POST(request, { params: Promise.resolve({}) })).status).toBe(413);
    expect(await reportCount()).toBe(before);
  });

  it("imports the good records of a batch and skips a badly encoded key and a key with control characters", async () => {
    const body = JSON.stringify({ Records: [s3Record("reports/broken%E0%A4%A.csv"), s3Record(encodeKey("reports/good one.csv"), "g1"), s3Record("reports/nul%00.csv")] });
    const response = await post(body, hmacHeaders(body));
    expect(response.status).toBe(200);
    const { outcome } = await response.json();
    expect(outcome.accepted).toEqual([{ key: "reports/good one.csv", report_id: expect.any(Number) }]);
    expect(outcome.skipped).toEqual([
      { key: "reports/broken%E0%A4%A.csv", reason: expect.stringMatching(/percent-encoding/) },
      { key: "reports/nul%00.csv", reason: expect.stringMatching(/control characters/) },
    ]);
    const keys = (await stack.database.db.execute(sql`SELECT key FROM reports ORDER BY id`)).rows.map((r) => r.key);
    expect(keys).toContain("reports/good one.csv");
    expect(keys.some((k) => String(k).includes("\0") || String(k).includes("broken"))).toBe(false);
  });

  it("refuses every SNS message while SNS_TOPIC_ARN is unset, and messages of other topics", async () => {
    const base = process.env.SNS_CERT_BASE_URL!;
    const headers = { "x-amz-sns-message-type": "Notification" };
    const message = snsMessage({ Message: JSON.stringify(s3Event("reports/third.csv", "t1")) }, base);
    const before = await reportCount();
    delete process.env.SNS_TOPIC_ARN;
    resetEnvCache();
    try {
      const refused = await post(JSON.stringify(message), headers);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "forbidden", message: expect.stringMatching(/SNS_TOPIC_ARN is unset/) });
    } finally {
      process.env.SNS_TOPIC_ARN = TOPIC;
      resetEnvCache();
    }
    const otherTopic = snsMessage({ TopicArn: "arn:aws:sns:us-east-1:999999999999:someone-else", Message: message.Message }, base);
    expect((await post(JSON.stringify(otherTopic), headers)).status).toBe(403);
    expect(await reportCount()).toBe(before);
  });

  it("refuses SNS messages signed more than an hour ago or dated in the future", async () => {
    const base = process.env.SNS_CERT_BASE_URL!;
    const headers = { "x-amz-sns-message-type": "Notification" };
    const Message = JSON.stringify(s3Event("reports/third.csv", "t2"));
    const before = await reportCount();
    for (const offset of [-2 * 3600_000, -3601_000, 3600_000]) {
      const message = snsMessage({ Message, Timestamp: new Date(Date.now() + offset).toISOString() }, base);
      const refused = await post(JSON.stringify(message), headers);
      expect(refused.status, `offset ${offset}`).toBe(401);
    }
    expect(await reportCount()).toBe(before);
    const recent = snsMessage({ Message, Timestamp: new Date(Date.now() - 50 * 60_000).toISOString() }, base);
    expect((await (await post(JSON.stringify(recent), headers)).json()).outcome.accepted).toHaveLength(1);
  });

  it("does not confirm a subscription whose SubscribeURL is not an SNS endpoint", async () => {
    const base = process.env.SNS_CERT_BASE_URL!;
    const message = snsMessage({ Type: "SubscriptionConfirmation", Message: "confirm", SubscribeURL: "http://169.254.169.254/latest/meta-data", Token: "t" }, base);
    const response = await post(JSON.stringify(message), { "x-amz-sns-message-type": "SubscriptionConfirmation" });
    expect(response.status).toBe(400);
    expect(confirmations).toBe(1);
  });
});
