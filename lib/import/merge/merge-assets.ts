import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

type Executor = Pick<Database, "execute">;

const assetFields: Array<[column: string, staging: string]> = [
  ["asset_type", "asset_type"],
  ["title", "asset_title"],
  ["custom_id", "asset_custom_id"],
  ["isrc", "asset_isrc"],
  ["upc", "asset_upc"],
  ["grid", "asset_grid"],
  ["artist", "asset_artist"],
  ["album", "asset_album"],
  ["label", "asset_label"],
  ["labels", "asset_labels"],
  ["administer_publish_rights", "asset_administer_publish_rights"],
  ["asset_channel_id", "asset_channel_id"],
];

const columns = assetFields.map(([c]) => c);
const merged = assetFields.map(([c, s]) => `COALESCE(s.${s}, o.${c}) AS ${c}`).join(", ");
const changes = columns.map((c) => `'${c}', CASE WHEN k.${c} IS DISTINCT FROM o.${c} THEN jsonb_build_array(o.${c}, k.${c}) END`).join(", ");
const updateSet = columns.map((c) => `${c} = EXCLUDED.${c}`).join(", ");

/** Upserts the assets a report describes (last row per asset wins; empty cells keep what we had), with audit. */
export async function mergeAssets(db: Executor, reportId: number): Promise<{ created: number; updated: number }> {
  const result = await db.execute(sql`
WITH src AS (
  SELECT DISTINCT ON (s.asset_id) s.*
  FROM import_staging s
  WHERE s.report_id = ${reportId} AND s.asset_id IS NOT NULL
  ORDER BY s.asset_id, s.line DESC, s.part
),
old AS (SELECT a.* FROM assets a WHERE a.asset_id IN (SELECT asset_id FROM src) FOR UPDATE),
k AS (
  SELECT s.asset_id, (o.asset_id IS NULL) AS is_new, ${sql.raw(merged)}
  FROM src s LEFT JOIN old o ON o.asset_id = s.asset_id
),
ch AS (
  SELECT k.*, jsonb_strip_nulls(jsonb_build_object(${sql.raw(changes)})) AS changes
  FROM k LEFT JOIN old o ON o.asset_id = k.asset_id
),
up AS (
  INSERT INTO assets (asset_id, ${sql.raw(columns.join(", "))})
  SELECT asset_id, ${sql.raw(columns.join(", "))} FROM ch WHERE changes <> '{}'::jsonb
  ON CONFLICT (asset_id) DO UPDATE SET ${sql.raw(updateSet)}, updated_at = now()
  RETURNING 1
),
au AS (
  INSERT INTO metadata_syncs (asset_id, source_kind, source_id, changes)
  SELECT asset_id, 'report', ${String(reportId)}, changes FROM ch WHERE changes <> '{}'::jsonb
  RETURNING 1
)
SELECT (SELECT count(*) FROM ch WHERE is_new)::int AS created,
  (SELECT count(*) FROM ch WHERE NOT is_new AND changes <> '{}'::jsonb)::int AS updated,
  (SELECT count(*) FROM up)::int AS written, (SELECT count(*) FROM au)::int AS audited`);
  const row = result.rows[0] as Record<string, number>;
  return { created: Number(row.created), updated: Number(row.updated) };
}

/**
 * The ISRC, UPC, artist and label of the assets in this report reach the videos they claim (asset-level
 * reports have no video id; claims link them), with an audit record per changed video.
 */
export async function propagateAssetsToVideos(db: Executor, reportId: number): Promise<number> {
  const result = await db.execute(sql`
WITH touched AS (SELECT DISTINCT s.asset_id FROM import_staging s WHERE s.report_id = ${reportId} AND s.asset_id IS NOT NULL),
src AS (
  SELECT DISTINCT ON (c.video_id) c.video_id, a.isrc, a.upc, a.artist, a.label
  FROM claims c JOIN assets a ON a.asset_id = c.asset_id
  WHERE c.asset_id IN (SELECT asset_id FROM touched)
  ORDER BY c.video_id, c.updated_at DESC, c.asset_id
),
k AS (
  SELECT v.video_id,
    COALESCE(s.isrc, v.isrc) AS isrc, COALESCE(s.upc, v.upc) AS upc,
    COALESCE(CASE WHEN s.artist IS NULL THEN NULL ELSE ARRAY[s.artist] END, v.artist) AS artist,
    COALESCE(s.label, v.label) AS label,
    v.isrc AS old_isrc, v.upc AS old_upc, v.artist AS old_artist, v.label AS old_label
  FROM src s JOIN videos v ON v.video_id = s.video_id
),
ch AS (
  SELECT k.*, jsonb_strip_nulls(jsonb_build_object(
    'isrc', CASE WHEN isrc IS DISTINCT FROM old_isrc THEN jsonb_build_array(old_isrc, isrc) END,
    'upc', CASE WHEN upc IS DISTINCT FROM old_upc THEN jsonb_build_array(old_upc, upc) END,
    'artist', CASE WHEN artist IS DISTINCT FROM old_artist THEN jsonb_build_array(old_artist, artist) END,
    'label', CASE WHEN label IS DISTINCT FROM old_label THEN jsonb_build_array(old_label, label) END)) AS changes
  FROM k
),
up AS (
  UPDATE videos v SET isrc = ch.isrc, upc = ch.upc, artist = ch.artist, label = ch.label, updated_at = now()
  FROM ch WHERE v.video_id = ch.video_id AND ch.changes <> '{}'::jsonb
  RETURNING 1
),
au AS (
  INSERT INTO metadata_syncs (video_id, source_kind, source_id, changes)
  SELECT video_id, 'report', ${String(reportId)}, changes FROM ch WHERE changes <> '{}'::jsonb
  RETURNING 1
)
SELECT (SELECT count(*) FROM up)::int AS n, (SELECT count(*) FROM au)::int AS audited`);
  return Number((result.rows[0] as { n: number }).n);
}
