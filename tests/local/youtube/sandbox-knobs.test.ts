import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { aliasAssetIdFor, assetExists, assetIdFor } from "@/local/youtube/fake-partner";
import { mergedInto } from "@/local/youtube/merged-assets";
import { videoExists } from "@/local/youtube/fake-videos";
import { youtubeClients, type YouTubeClients } from "@/lib/youtube/clients";
import { classifyYouTubeError } from "@/lib/youtube/api-errors";

// The sandbox behaviours enrichment is tested against: merged assets answered under an alias, a daily quota
// that runs out, token lifetimes, and the x-sandbox mark on everything it says.

let sandbox: YouTubeSandbox;
let yt: YouTubeClients;
const video = Array.from({ length: 50 }, (_, i) => `knob${String(i).padStart(7, "0")}`).find(videoExists)!;
const listOne = () => yt.data.videos.list({ part: ["id"], id: [video] });
const control = (path: string, method: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  sandbox = await startYouTubeSandbox();
  yt = youtubeClients({ apiRootUrl: `${sandbox.url}/`, partnerRootUrl: `${sandbox.url}/`, tokenUrl: `${sandbox.url}/token` });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.setFailure("none");
  sandbox.setQuotaBudget(null);
  sandbox.resetQuota();
});

describe("merged assets", () => {
  // Every 15th-or-so id is an alias; several aliases share a canonical asset.
  const pool = Array.from({ length: 3000 }, (_, i) => `A${String(i).padStart(15, "0")}`);
  const aliases = pool.filter((id) => mergedInto(id) !== undefined);
  const byCanonical = new Map<string, string[]>();
  for (const id of aliases) byCanonical.set(mergedInto(id)!, [...(byCanonical.get(mergedInto(id)!) ?? []), id]);
  const [canonical, sameGroup] = [...byCanonical].find(([, ids]) => ids.length >= 2)!;

  it("makes roughly one id in fifteen an alias, of an asset that is not itself merged", () => {
    const existing = pool.filter(assetExists);
    expect(aliases.length / existing.length).toBeGreaterThan(1 / 25);
    expect(aliases.length / existing.length).toBeLessThan(1 / 10);
    expect(assetExists(canonical) && mergedInto(canonical) === undefined).toBe(true);
    expect(mergedInto(assetIdFor("plain"))).toBeUndefined();
    expect(mergedInto(aliasAssetIdFor("x"))).toBeDefined();
  });

  it("answers assets.list once per merged asset, naming the requested aliases", async () => {
    const plain = assetIdFor("merge-test");
    const ids = [sameGroup[0], plain, sameGroup[1], canonical, sameGroup[0]];
    const res = await yt.partner.assets.list({ id: ids, fetchMetadata: "mine" });
    const items = res.data.items ?? [];
    expect(items.map((a) => a.id).sort()).toEqual([canonical, plain].sort());
    const merged = items.find((a) => a.id === canonical)!;
    expect(merged.aliasId).toEqual([sameGroup[0], sameGroup[1]]);
    expect(items.find((a) => a.id === plain)?.aliasId).toBeUndefined();
    // The alias answers with the canonical asset's own data.
    const direct = await yt.partner.assets.get({ assetId: canonical, fetchMetadata: "mine" });
    expect(merged.metadataMine).toEqual(direct.data.metadataMine);
  });

  it("answers assets.get and ownership under an alias with the canonical asset", async () => {
    const alias = sameGroup[0];
    const res = await yt.partner.assets.get({ assetId: alias, fetchMetadata: "effective" });
    expect(res.data).toMatchObject({ id: canonical, aliasId: [alias] });
    const ownership = await yt.partner.assets.get({ assetId: alias, fetchOwnership: "mine" });
    expect(ownership.data.ownershipMine?.general?.[0]?.owner).toBe("sandbox-content-owner");
  });
});

describe("daily quota budget", () => {
  it("answers 403 quotaExceeded once the day's Data API units are spent", async () => {
    sandbox.setQuotaBudget(2);
    await listOne();
    await listOne();
    const error = await listOne().catch((e) => e);
    expect(classifyYouTubeError(error)).toMatchObject({ kind: "quota_exceeded", status: 403, reason: "quotaExceeded" });
    expect(error.response.headers.get("x-sandbox")).toBe("true");
    expect(sandbox.quota()).toEqual({ budget: 2, used: 2 });
    expect(sandbox.requests().at(-1)).toMatchObject({ status: 403, failure: "quota_exceeded", quotaCost: 0 });
    // Content ID calls cost no Data API units, so they still work.
    await yt.partner.assets.get({ assetId: assetIdFor("quota") });

    sandbox.resetQuota();
    await listOne();
    expect(sandbox.quota()).toEqual({ budget: 2, used: 1 });
  });

  it("is settable and resettable over HTTP", async () => {
    expect(await (await control("quota", "POST", { budget: 1 })).json()).toEqual({ budget: 1, used: 0 });
    await listOne();
    expect(classifyYouTubeError(await listOne().catch((e) => e)).kind).toBe("quota_exceeded");
    expect(await (await control("quota", "DELETE")).json()).toEqual({ budget: 1, used: 0 });
    await listOne();
    expect((await control("quota", "POST", { budget: -1 })).status).toBe(400);
    expect(await (await control("quota", "POST", { budget: null })).json()).toEqual({ budget: null, used: 1 });
  });
});

describe("token lifetime", () => {
  it("issues tokens with the set lifetime and refuses expired ones", async () => {
    const set = await control("token", "POST", { expires_in: 1 });
    expect(await set.json()).toMatchObject({ expires_in: 1 });
    const grant = await fetch(`${sandbox.url}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token&refresh_token=r&client_id=c&client_secret=s",
    });
    const { access_token: token, expires_in: expiresIn } = await grant.json();
    expect(expiresIn).toBe(1);
    expect(sandbox.issuedTokens()).toContain(token);
    const call = () => fetch(`${sandbox.url}/youtube/v3/videos?part=id&id=${video}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await call()).status).toBe(401);
    sandbox.setTokenLifetime(3600);
    expect((await control("token", "POST", { expires_in: 0 })).status).toBe(400);
  });

  it("accepts a service account's JWT-bearer grant and refuses a malformed one", async () => {
    const claims = { iss: "sa@example.iam.gserviceaccount.com", scope: "https://www.googleapis.com/auth/youtubepartner", aud: "x", exp: Math.floor(Date.now() / 1000) + 60 };
    const assertion = `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
    const grant = (a: string) =>
      fetch(`${sandbox.url}/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: a }).toString(),
      });
    const ok = await grant(assertion);
    expect(ok.status).toBe(200);
    expect((await ok.json()).scope).toBe(claims.scope);
    const bad = await grant("not-a-jwt");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid_grant" });
  });
});

describe("x-sandbox mark", () => {
  it("is on every kind of answer: data, errors, tokens and control", async () => {
    const answers = await Promise.all([
      fetch(`${sandbox.url}/youtube/v3/videos?part=id&id=${video}`),
      fetch(`${sandbox.url}/nowhere`),
      fetch(`${sandbox.url}/token`, { method: "POST", body: "grant_type=nope" }),
      control("quota", "GET"),
      control("nope", "GET"),
    ]);
    expect(answers.map((r) => r.status)).toEqual([401, 401, 400, 200, 404]);
    for (const answer of answers) expect(answer.headers.get("x-sandbox")).toBe("true");
    sandbox.setFailure("rate_limited", { count: 1 });
    const limited = await listOne().catch((e) => e);
    expect(limited.response.headers.get("x-sandbox")).toBe("true");
    expect(limited.response.headers.get("retry-after")).toBe("1");
  });
});
