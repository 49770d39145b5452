import type { CatalogVideo } from "@/lib/catalog/contract";
import type { Seed, SeedSync, SeedVideo } from "./catalog-fixture";

// The catalog's filters, sort and row shape computed in plain JavaScript over the seed, as the contract and
// SPEC F10 describe them, independently of the SQL under test. Strings compare by code point, as PostgreSQL's
// C / C.UTF-8 collations (PGlite's and the test server's) do.

export type Params = Record<string, string>;

const contains = (value: string | null, term: string) => value !== null && value.toLowerCase().includes(term.toLowerCase());
const yesNo = (value: string | undefined, has: boolean) => value === undefined || (value === "yes") === has;

function matches(seed: Seed, v: SeedVideo, p: Params): boolean {
  const channel = seed.channels.find((c) => c.channel_id === v.channel_id);
  const hiddenEither = v.hidden || channel?.hidden === true;
  const hidden = p.hidden ?? "no";
  const length = v.video_length;
  const duration = { short: length !== null && length < 240, medium: length !== null && length >= 240 && length <= 1200, long: length !== null && length > 1200 };
  const since = p.updated_since ? new Date(p.updated_since.length === 10 ? `${p.updated_since}T00:00:00Z` : p.updated_since) : null;
  return (
    (p.search === undefined || contains(v.title, p.search.trim())) &&
    (p.channel_search === undefined || (channel !== undefined && contains(channel.name, p.channel_search.trim()))) &&
    (p.video_id === undefined || v.video_id === p.video_id.trim()) &&
    (p.asset_id === undefined || v.asset_id === p.asset_id.trim()) &&
    (p.custom_id === undefined || v.custom_id === p.custom_id.trim()) &&
    yesNo(p.has_asset_id, v.asset_id !== null) &&
    (p.category === undefined || v.category === p.category) &&
    (p.duration === undefined || duration[p.duration as keyof typeof duration]) &&
    (p.policy === undefined || v.effective_policy === p.policy) &&
    (p.claimed_status === undefined || v.claimed_status === p.claimed_status) &&
    yesNo(p.is_short, v.is_short === true) &&
    (p.genre === undefined || (v.genre ?? []).includes(p.genre)) &&
    yesNo(p.has_upc, v.upc !== null) &&
    yesNo(p.has_isrc, v.isrc !== null) &&
    (p.label === undefined || v.label === p.label) &&
    (since === null || Date.parse(v.updated_at) >= since.getTime()) &&
    (hidden === "all" || (hidden === "yes" ? hiddenEither : !hiddenEither))
  );
}

type Comparable = string | number | null;
const compareValues = (a: Comparable, b: Comparable) => {
  if (a === b) return 0;
  if (a === null) return -1; // missing values are the smallest
  if (b === null) return 1;
  return a < b ? -1 : 1;
};

export function sortVideos(list: SeedVideo[], sort = "updated_at:desc"): SeedVideo[] {
  const [field, direction] = sort.split(":") as [keyof SeedVideo, "asc" | "desc"];
  const sign = direction === "asc" ? 1 : -1;
  return [...list].sort((a, b) =>
    sign * (compareValues(a[field] as Comparable, b[field] as Comparable) || compareValues(a.video_id, b.video_id)));
}

const ms = (iso: string | null) => (iso === null ? null : `${iso.slice(0, 23)}Z`);

export function latestSync(seed: Seed, videoId: string): SeedSync | undefined {
  return seed.syncs.filter((s) => s.video_id === videoId).sort((a, b) => (a.sync_time < b.sync_time ? 1 : -1))[0];
}

export function toCatalogVideo(seed: Seed, v: SeedVideo, apiSandbox = false): CatalogVideo {
  const channel = seed.channels.find((c) => c.channel_id === v.channel_id);
  const last = latestSync(seed, v.video_id);
  return {
    ...v,
    channel_name: channel?.name ?? v.channel_name,
    time_published: ms(v.time_published),
    updated_at: ms(v.updated_at)!,
    last_synced: ms(last?.sync_time ?? null),
    last_changes: last?.changes ?? null,
    last_source: last?.source_kind ?? null,
    sandbox: apiSandbox && seed.syncs.some((s) => s.video_id === v.video_id && s.source_kind === "api"),
  };
}

/** Every matching video, in order, as GET /api/videos would list them across all pages. */
export function expectedVideos(seed: Seed, params: Params, apiSandbox = false): CatalogVideo[] {
  return sortVideos(seed.videos.filter((v) => matches(seed, v, params)), params.sort).map((v) => toCatalogVideo(seed, v, apiSandbox));
}
