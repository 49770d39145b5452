import { parseDecimal } from "./decimal";
import { ASSET_FIELDS, CLAIM_FIELDS, type Parse, VIDEO_FIELDS } from "./field-map";
import { assetId, assetIds, bool, channelId, integer, list, memoized, period, timestamp } from "./field-values";
import { normalizeHeaderName } from "./header-detection";
import { kindSpec } from "./report-kinds";
import type { RecordAsset, RecordClaim, RecordMetrics, RejectedRow, ReportHeader, ReportRecord } from "./types";

type Target = "record" | "asset" | "metrics";
/** One column read into one field: found once per header, applied to every row. */
type Op = { index: number; target: Target; key: string; parse: Parse };

export type MappedRow = { record: ReportRecord; rejected?: undefined } | { record?: undefined; rejected: RejectedRow };

/** Maps one row; `fills` names every value it can set (`record.title`, `asset.isrc`, `claim.claim_id`, …). */
export type RowMapper = ((fields: string[], line: number) => MappedRow) & { fills: ReadonlySet<string> };

/**
 * Builds the row mapper for a header: columns are found by normalised NAME once, so column order never matters
 * and Title Case and snake_case files share one mapping. A row with any bad value is rejected as a whole (with
 * the first bad column), never half-imported.
 */
export function createRowMapper(header: ReportHeader): RowMapper {
  const spec = kindSpec(header.kind.id);
  const cached = new Map<Parse, Parse>(([timestamp, channelId, period, bool] as Parse[]).map((p): [Parse, Parse] => [p, memoized(p)]));
  const names = header.columns.map(normalizeHeaderName);
  const find = (candidates: string[]) => {
    for (const c of candidates) { const i = names.indexOf(c); if (i >= 0) return i; }
    return -1;
  };
  // API files are all snake_case and join multi-values with commas; Studio files use `|`.
  const apiFamily = header.columns.every((c) => !/[A-Z ]/.test(c));
  const ops: Op[] = [];
  const add = (target: Target, key: string, candidates: string[], parse: Parse) => {
    const index = find(candidates);
    if (index >= 0) ops.push({ index, target, key, parse: cached.get(parse) ?? parse });
  };

  if (spec.level === "video") {
    for (const [key, candidates, parse] of VIDEO_FIELDS) {
      // In claim-level rows `Policy` is the claim's policy; elsewhere it is the video's effective policy.
      const list = key === "effective_policy" && !spec.claimLevel ? [...candidates, "policy"] : candidates;
      add("record", key, list, parse);
    }
    // Lifetime views of the video (Videos report, claims); period views go to metrics.
    if (!spec.metrics) add("record", "views", ["views"], integer);
  } else {
    for (const [key, candidates, parse] of ASSET_FIELDS) add("asset", key, candidates, parse);
    add("asset", "labels", ["asset_labels"], (raw) => list(raw, apiFamily ? "," : "|"));
  }
  if (spec.metrics) {
    add("metrics", "period", ["day", "month", "date"], period);
    const views = spec.id === "content_owner_basic_a4" ? ["views"] : ["owned_views", "engaged_views", "total_views", "owned_subscription_views"];
    add("metrics", "owned_views", views, integer);
    add("metrics", "partner_revenue", ["partner_revenue", "net_partner_revenue_post_revshare"], parseDecimal);
  }
  const claimOps = spec.claimLevel ? CLAIM_FIELDS.map(([key, c, parse]) => ({ key, index: find(c), parse })).filter((o) => o.index >= 0) : [];
  const claimAssetIndex = spec.claimLevel ? find(["asset_id"]) : -1;
  const keyIndex = find(spec.level === "video" ? ["video_id"] : ["asset_id"]);
  const width = header.columns.length;

  const reject = (fields: string[], line: number, reason: string, index?: number): MappedRow => ({
    rejected: {
      line,
      column: index === undefined ? null : header.columns[index],
      value: index === undefined ? null : fields[index],
      reason: index === undefined ? reason : `${header.columns[index]} ${reason}`,
      raw: Object.fromEntries(header.columns.map((c, i) => [c, fields[i] ?? ""])),
    },
  });
  const recordOps = ops.filter((o) => o.target === "record");
  const assetOps = ops.filter((o) => o.target === "asset");
  const metricOps = ops.filter((o) => o.target === "metrics");
  const apply = (target: Record<string, unknown>, list: Op[], fields: string[]) => {
    for (let k = 0; k < list.length; k++) {
      current = list[k];
      target[current.key] = current.parse(fields[current.index]);
    }
    current = undefined;
  };
  let current: Op | undefined;

  const fills = new Set<string>([...ops.map((o) => `${o.target}.${o.key}`), ...claimOps.map((o) => `claim.${o.key}`)]);
  if (claimAssetIndex >= 0) fills.add("claim.asset_id");

  const map = (fields: string[], line: number): MappedRow => {
    // Extra empty fields (a trailing comma) are harmless; any other count means the row is misaligned.
    if (fields.length < width || (fields.length > width && fields.slice(width).some((f) => f.trim() !== ""))) {
      return reject(fields, line, `Row has ${fields.length} fields but the header has ${width}`);
    }
    if (fields[keyIndex].trim() === "") return reject(fields, line, "is empty", keyIndex);

    const record: ReportRecord = { line };
    try {
      apply(record as Record<string, unknown>, recordOps, fields);
      if (assetOps.length) apply((record.asset = {} as RecordAsset) as Record<string, unknown>, assetOps, fields);
      if (metricOps.length) apply((record.metrics = {} as RecordMetrics) as Record<string, unknown>, metricOps, fields);
      if (spec.claimLevel) record.claims = claimsOf(fields, claimOps, claimAssetIndex);
    } catch (error) {
      const index = current ? current.index : claimAssetIndex;
      current = undefined;
      return reject(fields, line, (error as Error).message, index);
    }
    if (spec.isShortsReport) record.in_shorts_report = true;
    return { record };
  };
  return Object.assign(map, { fills });
}

/** One claim per asset id (legacy cells hold several joined by `|`); none for an unclaimed video. */
function claimsOf(fields: string[], ops: { key: keyof RecordClaim; index: number; parse: Parse }[], assetIndex: number): RecordClaim[] {
  const cell = assetIndex >= 0 ? fields[assetIndex] : "";
  // Common case first (one asset id per cell), without the list handling.
  const ids = cell.includes("|") ? assetIds(cell) : [assetId(cell)];
  const base: RecordClaim = { asset_id: ids[0] ?? null };
  for (let k = 0; k < ops.length; k++) (base as Record<string, unknown>)[ops[k].key] = ops[k].parse(fields[ops[k].index]);
  if (base.asset_id === null && !base.claim_id) return [];
  const claims = [base];
  for (let k = 1; k < ids.length; k++) claims.push({ ...base, asset_id: ids[k] });
  return claims;
}
