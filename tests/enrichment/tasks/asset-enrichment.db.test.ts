import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { assets, claims, videos, type NewAsset, type NewVideo } from "@/lib/db/schema";
import { assetEnrichment } from "@/lib/enrichment/tasks/asset-enrichment";
import { taskHandlers } from "@/lib/enrichment/tasks";
import { lockCatalogMerges } from "@/lib/import/merge/catalog-merge-lock";
import { updateVideo } from "@/lib/videos/update-video";
import type { PartnerMetadata } from "@/lib/youtube/partner-types";
import { aliasAssetIdFor, assetExists, assetIdFor, fakeAsset } from "@/local/youtube/fake-partner";
import { mergedInto } from "@/local/youtube/merged-assets";
import { testServerUrl } from "@/tests/helpers/db";
import { CONTENT_OWNER, startTaskFixture, type TaskFixture } from "./task-fixture";

// asset_enrichment end to end against the sandbox through our Content ID client: values reach the asset and the
// videos whose asset_id names it, gaps are filled and report values kept unless force_refresh, merged assets answer
// under an alias, missing ids are "not found", and one assets.list call covers up to 50 ids.

let f: TaskFixture;
beforeAll(async () => {
  f = await startTaskFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

const A1 = assetIdFor("h3-enrich-1");
const A2 = assetIdFor("h3-enrich-2");
const ALIAS = aliasAssetIdFor("h3-enrich-3");
const CANONICAL = mergedInto(ALIAS)!;
const MISSING = Array.from({ length: 200 }, (_, i) => `A${String(i).padStart(15, "7")}`).find((id) => !assetExists(id))!;
const meta = (id: string) => fakeAsset(id, { metadata: ["mine"], ownership: [], owner: CONTENT_OWNER }).metadataMine as PartnerMetadata;

const V1 = "vidA1report";
const V2 = "vidA1empty0";
const V3 = "vidAliasVid";
const V4 = "vidOtherAss";
const VM = "vidMissing0";

async function seedCatalog() {
  const rows: NewAsset[] = [
    { assetId: A1, isrc: "GBREPORT0001", label: "Report Label" },
    { assetId: A2 },
    { assetId: ALIAS },
    { assetId: MISSING, upc: "000000000000" },
  ];
  await f.db.insert(assets).values(rows);
  const catalog: NewVideo[] = [
    { videoId: V1, assetId: A1, isrc: "GBREPORT0001", label: "Report Label" },
    { videoId: V2, assetId: A1 },
    { videoId: V3, assetId: ALIAS },
    // Claimed by A2 too, but its row names another asset: A2's values must not land on it.
    { videoId: V4, assetId: "A000000000000000" },
    { videoId: VM, assetId: MISSING },
  ];
  await f.db.insert(videos).values(catalog);
  await f.db.insert(claims).values({ videoId: V4, assetId: A2 });
}

const ids = [A1, A2, ALIAS, MISSING];
const assetRow = async (id: string) => (await f.db.select().from(assets).where(eq(assets.assetId, id)))[0];
const videoRow = async (id: string) => (await f.db.select().from(videos).where(eq(videos.videoId, id)))[0];

describe("asset_enrichment", () => {
  it("is registered with a 50-id batch", () => {
    expect(taskHandlers.asset_enrichment).toBe(assetEnrichment);
    expect(assetEnrichment.maxIds).toBe(50);
  });

  it("fills empty values on the assets and their videos with one assets.list call, auditing only what changed", async () => {
    await seedCatalog();
    const ctx = f.context();
    const result = await assetEnrichment.run(ctx, ids);

    expect(ctx.calls).toEqual(["assets.list"]);
    const calls = f.requestsTo("/youtube/partner/v1/assets");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.id.split(",").sort()).toEqual([...ids].sort());
    expect(calls[0].query).toMatchObject({ fetchMetadata: "mine", onBehalfOfContentOwner: CONTENT_OWNER });

    const m1 = meta(A1);
    const filled = {
      custom_id: [null, m1.customId],
      title: [null, m1.title],
      album: [null, m1.album],
      upc: [null, m1.upc],
      artist: [null, m1.artist!.join(", ")],
      genre: [null, m1.genre],
    };
    // The report's ISRC and label stay: asset metadata only fills gaps.
    expect(result.items[A1]).toEqual({ status: "updated", changes: filled, videos_updated: 2 });
    expect(await assetRow(A1)).toMatchObject({
      isrc: "GBREPORT0001",
      label: "Report Label",
      upc: m1.upc,
      genre: m1.genre,
      artist: m1.artist!.join(", "),
      enrichmentStatus: "ok",
      enrichedAt: ctx.now,
      enrichmentTaskId: ctx.taskId,
      enrichmentError: null,
      mergedInto: null,
    });
    expect(await videoRow(V1)).toMatchObject({ isrc: "GBREPORT0001", label: "Report Label", upc: m1.upc, artist: m1.artist, genre: m1.genre, customId: m1.customId, apiSyncedAt: ctx.now });
    expect(await videoRow(V2)).toMatchObject({ isrc: m1.isrc, label: m1.label, upc: m1.upc, artist: m1.artist });
    expect(result.videoChanges[V1]).toEqual({ custom_id: [null, m1.customId], upc: [null, m1.upc], artist: [null, m1.artist], genre: [null, m1.genre] });

    // Merged: the alias row records the survivor, and the alias's videos get the survivor's metadata.
    const mc = meta(CANONICAL);
    expect(result.items[ALIAS]).toMatchObject({ status: "updated", merged_into: CANONICAL, videos_updated: 1 });
    expect(await assetRow(ALIAS)).toMatchObject({ mergedInto: CANONICAL, isrc: mc.isrc, upc: mc.upc, enrichmentStatus: "ok" });
    expect(await videoRow(V3)).toMatchObject({ isrc: mc.isrc, upc: mc.upc, customId: mc.customId });

    // Missing from the answer: a result, recorded on the asset; its videos are left alone.
    expect(result.items[MISSING]).toEqual({ status: "not_found" });
    expect(await assetRow(MISSING)).toMatchObject({ enrichmentStatus: "not_found", enrichmentTaskId: ctx.taskId, upc: "000000000000" });
    expect(await videoRow(VM)).toMatchObject({ upc: null, apiSyncedAt: null });

    expect(await videoRow(V4)).toMatchObject({ isrc: null, upc: null, apiSyncedAt: null });
    expect(result.items[A2]).toMatchObject({ status: "updated", videos_updated: 0 });
    expect(result.videosTouched).toBe(3);

    const audit = await f.auditRows();
    expect(audit.map((r) => r.assetId ?? r.videoId).sort()).toEqual([A1, A2, ALIAS, V1, V2, V3].sort());
    for (const row of audit) expect(row).toMatchObject({ sourceKind: "api", sourceId: "assets.list", taskId: ctx.taskId, sandbox: true });
    expect(audit.find((r) => r.assetId === A1)!.changes).toEqual(filled);
    expect(audit.find((r) => r.videoId === V1)!.changes).toEqual(result.videoChanges[V1]);
  });

  it("writes nothing and no audit record the second time", async () => {
    await seedCatalog();
    await assetEnrichment.run(f.context(), ids);
    const before = await f.auditRows();
    const updatedAt = (await videoRow(V1)).updatedAt;

    const again = f.context({ now: new Date("2026-03-03T10:00:00Z") });
    const result = await assetEnrichment.run(again, ids);
    expect(await f.auditRows()).toEqual(before);
    expect(Object.values(result.items).map((i) => i.status).sort()).toEqual(["not_found", "unchanged", "unchanged", "unchanged"]);
    expect(result.videoChanges).toEqual({});
    expect(result.videosTouched).toBe(3);
    // Still brought up to date: the answer was confirmed, so the bookkeeping moves, the values do not.
    expect(await videoRow(V1)).toMatchObject({ apiSyncedAt: again.now, updatedAt });
    expect(await assetRow(A1)).toMatchObject({ enrichedAt: again.now, enrichmentTaskId: again.taskId });
  });

  it("replaces report values on force_refresh, and the audit shows old → new", async () => {
    await seedCatalog();
    await assetEnrichment.run(f.context(), ids);
    const m1 = meta(A1);
    const ctx = f.context({ forceRefresh: true });
    const result = await assetEnrichment.run(ctx, [A1]);

    const replaced = { isrc: ["GBREPORT0001", m1.isrc], label: ["Report Label", m1.label] };
    expect(result.items[A1]).toEqual({ status: "updated", changes: replaced, videos_updated: 1 });
    expect(await assetRow(A1)).toMatchObject({ isrc: m1.isrc, label: m1.label });
    expect(await videoRow(V1)).toMatchObject({ isrc: m1.isrc, label: m1.label });
    const forced = (await f.auditRows()).filter((r) => r.taskId === ctx.taskId);
    expect(forced.map((r) => [r.assetId ?? r.videoId, r.changes])).toEqual(
      expect.arrayContaining([
        [A1, replaced],
        [V1, replaced],
      ]),
    );
    expect(forced).toHaveLength(2);
  });

  it("keeps a person's edit on a normal run and replaces it on force_refresh, with both in the history", async () => {
    await seedCatalog();
    await assetEnrichment.run(f.context(), [A1]);
    await updateVideo(f.db, { videoId: V2, userId: "user-h3", edit: { label: "Person Label" } });

    await assetEnrichment.run(f.context(), [A1]);
    expect((await videoRow(V2)).label).toBe("Person Label");

    const forced = f.context({ forceRefresh: true });
    await assetEnrichment.run(forced, [A1]);
    expect((await videoRow(V2)).label).toBe(meta(A1).label);
    const history = (await f.auditRows()).filter((r) => r.videoId === V2 && "label" in r.changes);
    expect(history.map((r) => [r.sourceKind, r.changes.label])).toEqual([
      ["api", [null, meta(A1).label]],
      ["user", [meta(A1).label, "Person Label"]],
      ["api", ["Person Label", meta(A1).label]],
    ]);
  });

  it("serves an alias and its survivor from one answer, and clears a stale merged_into", async () => {
    await f.db.insert(assets).values([{ assetId: ALIAS }, { assetId: CANONICAL, mergedInto: "A111111111111111" }]);
    const ctx = f.context();
    const result = await assetEnrichment.run(ctx, [ALIAS, CANONICAL]);

    const answered = f.requestsTo("/youtube/partner/v1/assets");
    expect(answered).toHaveLength(1);
    expect(result.items[ALIAS]).toMatchObject({ status: "updated", merged_into: CANONICAL });
    expect(result.items[CANONICAL].merged_into).toBeUndefined();
    expect(result.items[CANONICAL].changes?.merged_into).toEqual(["A111111111111111", null]);
    const rows = await f.db.select().from(assets).where(inArray(assets.assetId, [ALIAS, CANONICAL]));
    const byId = Object.fromEntries(rows.map((r) => [r.assetId, r]));
    expect(byId[ALIAS]).toMatchObject({ mergedInto: CANONICAL, isrc: meta(CANONICAL).isrc });
    expect(byId[CANONICAL]).toMatchObject({ mergedInto: null, isrc: meta(CANONICAL).isrc });
  });

  it("asks for 50 ids in one request", async () => {
    const batch = Array.from({ length: 50 }, (_, i) => assetIdFor(`h3-bulk-${i}`));
    expect(new Set(batch).size).toBe(50);
    await f.db.insert(assets).values(batch.map((assetId) => ({ assetId })));
    await f.db.insert(videos).values(batch.map((assetId, i) => ({ videoId: `bulk${String(i).padStart(7, "0")}`, assetId })));
    const ctx = f.context();
    const result = await assetEnrichment.run(ctx, batch);

    const calls = f.requestsTo("/youtube/partner/v1/assets");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.id.split(",")).toHaveLength(50);
    expect(Object.keys(result.items)).toHaveLength(50);
    expect(result.videosTouched).toBe(50);
    expect(Object.values(result.items).every((i) => i.status === "updated")).toBe(true);
  });

  // Needs a second connection, so only on the PostgreSQL server (PGlite has one session).
  it.skipIf(!testServerUrl())("waits for a running import merge step before writing", async () => {
    await seedCatalog();
    const client = new pg.Client({ connectionString: f.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await lockCatalogMerges(drizzle(client));
      let finished = false;
      const run = assetEnrichment.run(f.context(), [A1]).then((r) => ((finished = true), r));
      await new Promise((r) => setTimeout(r, 500));
      expect(finished).toBe(false);
      expect((await videoRow(V2)).upc).toBeNull();
      await client.query("COMMIT");
      expect((await run).items[A1].status).toBe("updated");
      expect((await videoRow(V2)).upc).toBe(meta(A1).upc);
    } finally {
      await client.end();
    }
  });
});
