import { and, asc, count, eq, inArray, or } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { assets, claims } from "@/lib/db/schema";
import { pageCount } from "./pagination";

export type AdministeredAsset = {
  asset_id: string;
  title: string | null;
  asset_type: string | null;
  custom_id: string | null;
  isrc: string | null;
  upc: string | null;
  artist: string | null;
  label: string | null;
  administered: boolean;
  administer_publish_rights: boolean | null;
  claimed_videos: number;
  updated_at: string;
};

export type AssetPage = { assets: AdministeredAsset[]; total: number; pages: number; current_page: number; per_page: number };

// Administered: marked so in the catalog, or the asset report says we administer its publishing rights.
const administered = or(eq(assets.administered, true), eq(assets.administerPublishRights, true));

/**
 * Administered assets by asset id, each with the number of videos it claims (one GROUP BY over
 * claims_asset_id_idx for the page's assets only). The search is an exact asset id, custom id, ISRC or UPC:
 * each has its own index, and these are what people paste from other systems.
 */
export async function listAdministeredAssets(db: Database, params: { page: number; perPage: number; search?: string }): Promise<AssetPage> {
  const term = params.search?.trim();
  const filter = term
    ? and(administered, or(eq(assets.assetId, term), eq(assets.customId, term), eq(assets.isrc, term), eq(assets.upc, term)))
    : administered;
  const [{ total }] = await db.select({ total: count() }).from(assets).where(filter);
  const rows = await db
    .select()
    .from(assets)
    .where(filter)
    .orderBy(asc(assets.assetId))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage);
  const claimed = await claimCounts(db, rows.map((r) => r.assetId));
  return {
    assets: rows.map((r) => ({
      asset_id: r.assetId,
      title: r.title,
      asset_type: r.assetType,
      custom_id: r.customId,
      isrc: r.isrc,
      upc: r.upc,
      artist: r.artist,
      label: r.label,
      administered: r.administered,
      administer_publish_rights: r.administerPublishRights,
      claimed_videos: claimed.get(r.assetId) ?? 0,
      updated_at: r.updatedAt.toISOString(),
    })),
    total: Number(total),
    pages: pageCount(Number(total), params.perPage),
    current_page: params.page,
    per_page: params.perPage,
  };
}

/** Claims are unique per (video, asset), so the claim count is the number of videos the asset claims. */
async function claimCounts(db: Database, assetIds: string[]): Promise<Map<string, number>> {
  if (assetIds.length === 0) return new Map();
  const rows = await db
    .select({ assetId: claims.assetId, n: count() })
    .from(claims)
    .where(inArray(claims.assetId, assetIds))
    .groupBy(claims.assetId);
  return new Map(rows.map((r) => [r.assetId, Number(r.n)]));
}
