import { exists, fixedDate, hashId, seeded, WORDS } from "./seeded";
import { fakeVideo, videoExists } from "./fake-videos";
import { isAliasAsset } from "./merged-assets";
import { isThirdPartyClaimId, thirdPartyClaimSnippet } from "./third-party-claims";

// Content ID resources made up from ids. Claim ids encode their video id and index ("sbxc<n><videoId>") so that
// claims.get, claimSearch and claims.list agree with each other without any stored state.

export function assetExists(assetId: string): boolean {
  return exists(assetId);
}

export interface AssetFetch {
  metadata: string[];
  ownership: string[];
  owner: string;
}

/** `aliasId`: ids merged into this asset that the request named (see merged-assets.ts). */
export function fakeAsset(assetId: string, fetch: AssetFetch, aliasId: readonly string[] = []): Record<string, unknown> {
  const rng = seeded(`asset:${assetId}`);
  const type = rng.pick(["sound_recording", "sound_recording", "music_video", "art_track_video"]);
  // Roughly a third of UPCs start with 0: catalogs that store them as numbers lose it, which we must not.
  const upc = rng.next() < 0.35 ? `0${rng.digits(11)}` : `${rng.int(1, 9)}${rng.digits(11)}`;
  const metadata = {
    customId: `SBX-${rng.digits(6)}`,
    title: `${rng.pick(WORDS.adjectives)} ${rng.pick(WORDS.nouns)}`,
    artist: [rng.pick(WORDS.artists)],
    album: `${rng.pick(WORDS.nouns)} Sessions`,
    genre: [rng.pick(WORDS.genres)],
    label: rng.pick(WORDS.labels),
    isrc: `QZ${rng.chars(3, "ABCDEFGHJKLMNPQRSTUVWXYZ")}${rng.digits(2)}${rng.digits(5)}`,
    upc,
    notes: `[sandbox] Made-up asset ${assetId}.`,
  };
  const ownership = {
    kind: "youtubePartner#rightsOwnership",
    general: [{ owner: fetch.owner, ratio: 100, territories: [], type: "exclude" }],
  };
  const asset: Record<string, unknown> = {
    kind: "youtubePartner#asset",
    id: assetId,
    ...(aliasId.length ? { aliasId: [...aliasId] } : {}),
    type,
    status: "active",
    timeCreated: fixedDate(rng, true),
    label: [`sandbox-${rng.pick(["catalog-2019", "catalog-2021", "frontline"])}`],
  };
  // Blocks appear only when asked for (fetchMetadata/fetchOwnership), like the real API; the deprecated
  // unsuffixed field is set only when exactly one version is requested.
  const versions = (list: string[]) => list.filter((v) => v === "effective" || v === "mine" || v === "canonical");
  const meta = versions(fetch.metadata);
  for (const v of meta) asset[v === "mine" ? "metadataMine" : "metadataEffective"] = metadata;
  if (meta.length === 1) asset.metadata = metadata;
  const own = versions(fetch.ownership);
  for (const v of own) asset[v === "mine" ? "ownershipMine" : "ownershipEffective"] = ownership;
  if (own.length === 1) asset.ownership = ownership;
  return asset;
}

/**
 * An existing, unmerged asset id derived from a seed (bumped past "missing" and alias ids, so claims point at
 * assets that answer under their own id).
 */
export function assetIdFor(seed: string): string {
  return seededAssetId(seed, (id) => assetExists(id) && !isAliasAsset(id));
}

/** An asset id derived from a seed that the sandbox answers as an alias of another asset. */
export function aliasAssetIdFor(seed: string): string {
  return seededAssetId(`alias:${seed}`, isAliasAsset);
}

function seededAssetId(seed: string, accept: (id: string) => boolean): string {
  for (let salt = 0; ; salt++) {
    const id = `A${String(hashId(`${seed}:${salt}`)).padStart(10, "0")}${String(hashId(`${salt}:${seed}`) % 100000).padStart(5, "0")}`;
    if (accept(id)) return id;
  }
}

export function claimIdsForVideo(videoId: string): string[] {
  if (!videoExists(videoId)) return [];
  const count = seeded(`claims:${videoId}`).int(0, 2);
  return Array.from({ length: count }, (_, n) => `sbxc${n}${videoId}`);
}

/** Claims found by asset id name both ends ("sbxa<assetId>.<videoId>"), since we cannot invert the hash. */
export function claimIdsForAsset(assetId: string): string[] {
  if (!assetExists(assetId)) return [];
  const rng = seeded(`asset-claims:${assetId}`);
  return Array.from({ length: rng.int(0, 3) }, () => `sbxa${assetId}.${rng.chars(11, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789")}`);
}

export function fakeClaim(claimId: string): Record<string, unknown> | undefined {
  const byVideo = /^sbxc(\d)(.+)$/.exec(claimId);
  const byAsset = /^sbxa([^.]+)\.(.+)$/.exec(claimId);
  let videoId: string;
  let assetId: string;
  if (byVideo && claimIdsForVideo(byVideo[2]).includes(claimId)) {
    videoId = byVideo[2];
    assetId = assetIdFor(claimId);
  } else if (byAsset && claimIdsForAsset(byAsset[1]).includes(claimId)) {
    assetId = byAsset[1];
    videoId = byAsset[2];
  } else {
    return undefined;
  }
  const rng = seeded(`claim:${claimId}`);
  return {
    kind: "youtubePartner#claim",
    id: claimId,
    assetId,
    videoId,
    status: rng.pick(["active", "active", "active", "inactive", "pending"]),
    contentType: rng.pick(["audio", "audiovisual", "video"]),
    isPartnerUploaded: rng.next() < 0.5,
    origin: { source: rng.pick(["descriptiveSearch", "partnerUpload", "audioMatch", "videoMatch"]) },
    timeCreated: fixedDate(rng, true),
  };
}

/** The claimSearch item for one of our claims or, by its id, another owner's (third-party-claims.ts). */
export function claimSnippet(claimId: string): Record<string, unknown> {
  if (isThirdPartyClaimId(claimId)) return thirdPartyClaimSnippet(claimId);
  const claim = fakeClaim(claimId)!;
  const video = fakeVideo(claim.videoId as string, new Set(["snippet", "statistics"])) as {
    snippet: { title: string };
    statistics: { viewCount: string };
  };
  return {
    kind: "youtubePartner#claimSnippet",
    id: claim.id,
    assetId: claim.assetId,
    videoId: claim.videoId,
    videoTitle: video.snippet.title,
    videoViews: video.statistics.viewCount,
    status: claim.status,
    contentType: claim.contentType,
    isPartnerUploaded: claim.isPartnerUploaded,
    thirdPartyClaim: false,
    origin: claim.origin,
    timeCreated: claim.timeCreated,
    timeStatusLastModified: claim.timeCreated,
  };
}
