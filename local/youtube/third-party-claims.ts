import { fakeVideo, videoExists } from "./fake-videos";
import { fixedDate, hashId, seeded } from "./seeded";

// Claims other content owners hold on videos. claimSearch shows them only when asked by video id with
// includeThirdPartyClaims=true, as the real API does; claims.get and claims.list never do, since they are not ours.
// They come on top of our own claims: one existing video in five carries one, so about one claim in six is a
// third-party claim (our own average one per video). Ids "sbxt<n><videoId>" keep them apart from ours.

const THIRD_PARTY_EVERY = 5;

export function thirdPartyClaimIdsForVideo(videoId: string): string[] {
  if (!videoExists(videoId) || hashId(`third-party:${videoId}`) % THIRD_PARTY_EVERY !== 0) return [];
  return [`sbxt0${videoId}`];
}

export function isThirdPartyClaimId(claimId: string): boolean {
  const match = /^sbxt\d(.+)$/.exec(claimId);
  return match !== null && thirdPartyClaimIdsForVideo(match[1]).includes(claimId);
}

/**
 * The snippet of another owner's claim. The other owner's asset is not ours to see, so it carries no assetId; its
 * status varies like ours, so a released third-party claim (inactive) shows up too.
 */
export function thirdPartyClaimSnippet(claimId: string): Record<string, unknown> {
  const videoId = /^sbxt\d(.+)$/.exec(claimId)![1];
  const rng = seeded(`third-party-claim:${claimId}`);
  const video = fakeVideo(videoId, new Set(["snippet", "statistics"])) as {
    snippet: { title: string };
    statistics: { viewCount: string };
  };
  const timeCreated = fixedDate(rng, true);
  return {
    kind: "youtubePartner#claimSnippet",
    id: claimId,
    videoId,
    videoTitle: video.snippet.title,
    videoViews: video.statistics.viewCount,
    status: rng.pick(["active", "active", "active", "inactive", "pending"]),
    contentType: rng.pick(["audio", "audiovisual", "video"]),
    isPartnerUploaded: false,
    thirdPartyClaim: true,
    origin: { source: rng.pick(["audioMatch", "videoMatch", "descriptiveSearch"]) },
    timeCreated,
    timeStatusLastModified: timeCreated,
  };
}
