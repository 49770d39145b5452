import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { videoExists } from "@/local/youtube/fake-videos";
import { assetIdFor } from "@/local/youtube/fake-partner";
import { classifyYouTubeError } from "@/lib/youtube/api-errors";
import { getYouTubeClients } from "@/lib/youtube/shared-clients";
import { sandboxEnv, testServiceAccountKey, tokenRequests, useYouTubeEnv } from "./youtube-env";

// The process-wide clients against the sandbox: one access token shared by every call, renewed ahead of expiry
// by google-auth-library's eager threshold (5 min), for a refresh token and for a service account alike.

let sandbox: YouTubeSandbox;
let keyDir: string;
const video = Array.from({ length: 50 }, (_, i) => `shrd${String(i).padStart(7, "0")}`).find(videoExists)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sandbox = await startYouTubeSandbox();
  keyDir = mkdtempSync(path.join(tmpdir(), "yt-sa-"));
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(keyDir, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.setFailure("none");
  sandbox.setTokenLifetime(3600);
  sandbox.clearRequests();
  useYouTubeEnv(sandboxEnv(sandbox));
});

describe("shared YouTube clients", () => {
  it("share one token across calls and both APIs, with a content owner on Content ID calls", async () => {
    const clients = getYouTubeClients();
    expect(getYouTubeClients()).toBe(clients);
    expect(clients).toMatchObject({ authMode: "refresh_token", sandbox: true, contentOwnerId: "sandbox-content-owner" });
    await Promise.all([
      clients.data.videos.list({ part: ["id"], id: [video] }),
      getYouTubeClients().partner.assets.get({ assetId: assetIdFor("shared") }),
      getYouTubeClients().data.videos.list({ part: ["statistics"], id: [video] }),
    ]);
    expect(tokenRequests(sandbox)).toHaveLength(1);
    const partnerCall = sandbox.requests().find((r) => r.path.startsWith("/youtube/partner/v1/"))!;
    expect(partnerCall.query.onBehalfOfContentOwner).toBe("sandbox-content-owner");
  });

  it("renew the token before it expires, while the old one still works", async () => {
    // 304 s tokens with the default 300 s eager threshold: good for about 4 s, then renewed on the next call.
    sandbox.setTokenLifetime(304);
    const clients = getYouTubeClients();
    await clients.data.videos.list({ part: ["id"], id: [video] });
    await clients.partner.assets.get({ assetId: assetIdFor("renew") });
    expect(tokenRequests(sandbox)).toHaveLength(1);
    const first = clients.auth.credentials.access_token!;
    const firstExpiry = clients.auth.credentials.expiry_date!;

    await sleep(firstExpiry - 300_000 - Date.now() + 500);
    await clients.data.videos.list({ part: ["id"], id: [video] });
    expect(tokenRequests(sandbox)).toHaveLength(2);
    const second = clients.auth.credentials.access_token!;
    expect(second).not.toBe(first);
    // Renewed ~5 minutes early: the sandbox still accepts the old token.
    expect(Date.now()).toBeLessThan(firstExpiry - 290_000);
    const withOld = await fetch(`${sandbox.url}/youtube/v3/videos?part=id&id=${video}`, { headers: { authorization: `Bearer ${first}` } });
    expect(withOld.status).toBe(200);
  }, 30_000);

  it("fetch a fresh token on the next call after Google refuses the one held (401), without replaying", async () => {
    const clients = getYouTubeClients();
    await clients.data.videos.list({ part: ["id"], id: [video] });
    sandbox.setFailure("invalid_token", { count: 1, endpoint: "/youtube/v3/videos" });
    const refused = await clients.data.videos.list({ part: ["id"], id: [video] }).catch((e) => e);
    expect(classifyYouTubeError(refused).kind).toBe("auth");
    expect(sandbox.requests().filter((r) => r.path === "/youtube/v3/videos")).toHaveLength(2);
    await clients.data.videos.list({ part: ["id"], id: [video] });
    expect(tokenRequests(sandbox)).toHaveLength(2);
  });

  it("are rebuilt when the settings change", async () => {
    const before = getYouTubeClients();
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_CONTENT_OWNER_ID: "CO-other" });
    const after = getYouTubeClients();
    expect(after).not.toBe(before);
    expect(after.contentOwnerId).toBe("CO-other");
  });
});

describe("service account", () => {
  it("signs a JWT-bearer grant (sent to GOOGLE_OAUTH_TOKEN_URL) and renews it before expiry too", async () => {
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_SERVICE_ACCOUNT_KEY: testServiceAccountKey() });
    sandbox.setTokenLifetime(303);
    const clients = getYouTubeClients();
    expect(clients.authMode).toBe("service_account");
    await clients.data.videos.list({ part: ["id"], id: [video] });
    await clients.partner.assets.get({ assetId: assetIdFor("sa") });
    const grants = tokenRequests(sandbox);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ status: 200, grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer" });

    await sleep(clients.auth.credentials.expiry_date! - 300_000 - Date.now() + 500);
    await clients.data.videos.list({ part: ["id"], id: [video] });
    expect(tokenRequests(sandbox)).toHaveLength(2);
  }, 30_000);

  it("reads the key from a file path as well", async () => {
    const file = path.join(keyDir, "key.json");
    writeFileSync(file, testServiceAccountKey());
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_SERVICE_ACCOUNT_KEY: file });
    await getYouTubeClients().data.videos.list({ part: ["id"], id: [video] });
    expect(tokenRequests(sandbox)[0]?.grantType).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
  });

  it("loses to a refresh token when both are set", () => {
    useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_SERVICE_ACCOUNT_KEY: testServiceAccountKey(), YOUTUBE_REFRESH_TOKEN: "r", YOUTUBE_CLIENT_ID: "c", YOUTUBE_CLIENT_SECRET: "s" });
    expect(getYouTubeClients().authMode).toBe("refresh_token");
  });
});
