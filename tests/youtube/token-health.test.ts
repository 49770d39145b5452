import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { videoExists } from "@/local/youtube/fake-videos";
import { getYouTubeClients } from "@/lib/youtube/shared-clients";
import { checkTokenHealth, recordTokenFailure } from "@/lib/youtube/token-health";
import { sandboxEnv, testServiceAccountKey, tokenRequests, useYouTubeEnv } from "./youtube-env";

// Token health as the Admin page and GET /api/get-token report it: ok / failing with a reason an admin can act
// on / not configured, computed from the shared clients' token, never exposing it.

let sandbox: YouTubeSandbox;
const video = Array.from({ length: 50 }, (_, i) => `hlth${String(i).padStart(7, "0")}`).find(videoExists)!;
const HOSTED = {
  YOUTUBE_API_ROOT_URL: "https://youtube.googleapis.com/",
  YOUTUBE_PARTNER_ROOT_URL: "https://youtubepartner.googleapis.com/",
};

beforeAll(async () => {
  sandbox = await startYouTubeSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.setFailure("none");
  sandbox.clearRequests();
  useYouTubeEnv(sandboxEnv(sandbox));
});

describe("checkTokenHealth", () => {
  it("is ok against the sandbox, with the expiry and no token in it; a second check reuses the cached token", async () => {
    const before = Date.now();
    const health = await checkTokenHealth();
    expect(health).toMatchObject({ state: "ok", mode: "sandbox", auth: "refresh_token", contentOwnerId: "sandbox-content-owner" });
    expect(health.reason).toBeUndefined();
    const expiresIn = Date.parse(health.expiresAt!) - before;
    expect(expiresIn).toBeGreaterThan(3500_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000 + 5_000);
    expect(Date.parse(health.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
    await checkTokenHealth();
    expect(tokenRequests(sandbox)).toHaveLength(1);
    for (const token of sandbox.issuedTokens()) expect(JSON.stringify(health)).not.toContain(token);

    const renewed = await checkTokenHealth({ renew: true });
    expect(renewed.state).toBe("ok");
    expect(tokenRequests(sandbox)).toHaveLength(2);
  });

  it("is failing with a clear reason when Google refuses the refresh token", async () => {
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_CLIENT_ID: "cid", YOUTUBE_CLIENT_SECRET: "csecret-value", YOUTUBE_REFRESH_TOKEN: "1//revoked-refresh-token-value" });
    sandbox.setFailure("invalid_token", { endpoint: "/token" });
    const health = await checkTokenHealth();
    expect(health).toMatchObject({ state: "failing", mode: "sandbox", auth: "refresh_token" });
    expect(health.reason).toBe(
      "Google refused the refresh token (invalid_grant: Token has been expired or revoked.): create a new one for the CMS user and set YOUTUBE_REFRESH_TOKEN",
    );
    expect(health.expiresAt).toBeUndefined();
    const text = JSON.stringify(health);
    expect(text).not.toContain("revoked-refresh-token-value");
    expect(text).not.toContain("csecret-value");
  });

  it("is not_configured for Google without credentials, and says what to set", async () => {
    useYouTubeEnv(HOSTED);
    const health = await checkTokenHealth();
    expect(health).toMatchObject({ state: "not_configured", mode: "google", auth: null });
    expect(health.reason).toMatch(/YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET and YOUTUBE_REFRESH_TOKEN .*or YOUTUBE_SERVICE_ACCOUNT_KEY/);

    useYouTubeEnv({ ...HOSTED, YOUTUBE_REFRESH_TOKEN: "1//some-refresh-token" });
    const half = await checkTokenHealth();
    expect(half).toMatchObject({ state: "not_configured", auth: null });
    expect(half.reason).toMatch(/YOUTUBE_CLIENT_ID and YOUTUBE_CLIENT_SECRET/);
    expect(JSON.stringify(half)).not.toContain("some-refresh-token");
  });

  it("names the service account key when Google refuses the service account's grant", async () => {
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_SERVICE_ACCOUNT_KEY: testServiceAccountKey() });
    sandbox.setFailure("invalid_token", { endpoint: "/token" });
    const health = await checkTokenHealth();
    expect(health).toMatchObject({ state: "failing", mode: "sandbox", auth: "service_account" });
    expect(health.reason).toMatch(/^Google refused the service account's token request \(invalid_grant.*YOUTUBE_SERVICE_ACCOUNT_KEY/);
    expect(JSON.stringify(health)).not.toContain("PRIVATE KEY");
  });

  it("reports a service account key it cannot use without quoting it", async () => {
    const broken = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----secret-bytes';
    useYouTubeEnv({ ...HOSTED, YOUTUBE_SERVICE_ACCOUNT_KEY: broken });
    const health = await checkTokenHealth();
    expect(health).toMatchObject({ state: "failing", mode: "google", auth: "service_account" });
    expect(health.reason).toMatch(/YOUTUBE_SERVICE_ACCOUNT_KEY is not valid JSON/);
    expect(JSON.stringify(health)).not.toContain("secret-bytes");

    useYouTubeEnv({ ...HOSTED, YOUTUBE_SERVICE_ACCOUNT_KEY: "pasted-secret-not-a-path" });
    const unreadable = await checkTokenHealth();
    expect(unreadable.reason).toMatch(/names a key file that cannot be read \(ENOENT\)/);
    expect(JSON.stringify(unreadable)).not.toContain("pasted-secret");
  });

  it("shows a failure the drain recorded until Google next answers successfully", async () => {
    expect((await checkTokenHealth()).state).toBe("ok");
    recordTokenFailure("Google refused the access token (authError): the next call fetches a new one");
    const failing = await checkTokenHealth();
    expect(failing).toMatchObject({ state: "failing", reason: expect.stringMatching(/^Google refused the access token/) });
    expect(failing.failedAt).toBeDefined();
    expect(failing.expiresAt).toBeDefined();

    await getYouTubeClients().data.videos.list({ part: ["id"], id: [video] });
    expect(await checkTokenHealth()).toMatchObject({ state: "ok" });

    recordTokenFailure("Google refused the refresh token again");
    expect((await checkTokenHealth()).state).toBe("failing");
    expect(await checkTokenHealth({ renew: true })).toMatchObject({ state: "ok" });
  });

  it("never stores a token a recorded reason happened to quote", async () => {
    await checkTokenHealth();
    const [token] = sandbox.issuedTokens();
    recordTokenFailure(`401 authError for Bearer ${token}`);
    const health = await checkTokenHealth();
    expect(health.reason).toBe("401 authError for Bearer [access token]");
  });
});
