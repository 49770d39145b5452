import { sql, type SQL } from "drizzle-orm";

// The enrichment backlog (F6) lives on the assets: merges mark the assets whose videos lack what enrichment fills in.

/** A video still lacks what asset enrichment fills in (genre never comes from a report), given its three columns. */
export function lacksEnrichment(upc: string, isrc: string, genre: string): string {
  return `(${upc} IS NULL OR ${isrc} IS NULL OR ${genre} IS NULL OR cardinality(${genre}) = 0)`;
}

/**
 * The upsert that marks the assets of `candidates` (a CTE of asset_id, views), returning `newly` per written asset.
 * "Newly marked" = the mark carries this transaction's now(): inserted here, or set here on an unmarked asset. The
 * old value is not visible in RETURNING, and ranges merged side by side see each other's marks only once committed,
 * so counting from a snapshot before the upsert would count a shared asset twice.
 */
export function markAssetsUpsert(candidates: SQL): SQL {
  return sql`
  INSERT INTO assets AS a (asset_id, enrichment_requested_at, enrichment_views)
  SELECT asset_id, now(), views FROM ${candidates} ORDER BY asset_id
  ON CONFLICT (asset_id) DO UPDATE SET
    enrichment_requested_at = COALESCE(a.enrichment_requested_at, EXCLUDED.enrichment_requested_at),
    enrichment_views = GREATEST(a.enrichment_views, EXCLUDED.enrichment_views)
  WHERE a.enrichment_requested_at IS NULL OR a.enrichment_views IS DISTINCT FROM GREATEST(a.enrichment_views, EXCLUDED.enrichment_views)
  RETURNING a.enrichment_requested_at = now() AS newly`;
}
