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

const s3Event = (key: string, version = "v1") => ({
  Records: [{ eventName: "ObjectCreated:Put", s3: { bucket: { name: TEST_BUCKET }, object: { key: encodeURIComponent(key).replace(/%20/g, "+"), versionId: version, size: 10 } } }],
});

function post(body: string, headers: Record<string, string>) {
  return route.POST(new Request("http://app.test/api/webhooks/s3", { method: "POST", body, headers }), { params: Promise.resolve({}) });
}

function snsMessage(fields: Partial<SnsMessage>, certBase: string): SnsMessage {
  const message = {
    Type: "Notification", MessageId: "m-1", TopicArn: "arn:aws:sns:us-east-1:123456789012:reports", Message: "", Timestamp: "2026-11-27T00:00:00Z",
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
  resetEnvCache();
  route = await import("@/app/api/webhooks/s3/route");
  for (const key of ["reports/new report.csv", "reports/second.csv"]) {
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
});
