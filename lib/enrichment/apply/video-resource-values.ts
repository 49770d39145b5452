import type { youtube_v3 } from "googleapis";
import type { Proposed } from "./field-diff";
import { isoDurationSeconds } from "./iso-duration";
import { categoryName } from "./youtube-categories";

// What a videos.list item says about our videos row. The Data API is the source of truth for these fields, so they
// replace what a report or a person left — except time_published, which only fills a gap: reports carry the
// publish time too, and it does not change.

export const VIDEO_LIST_PARTS = ["snippet", "contentDetails", "statistics", "status"];
export const FILL_ONLY_FROM_VIDEOS_LIST = new Set(["time_published"]);

export function videoResourceValues(video: youtube_v3.Schema$Video): Proposed {
  const { snippet, statistics, status } = video;
  const views = statistics?.viewCount != null && /^\d+$/.test(statistics.viewCount) ? Number(statistics.viewCount) : undefined;
  const published = snippet?.publishedAt ? new Date(snippet.publishedAt) : undefined;
  return {
    title: snippet?.title ?? undefined,
    video_length: videoLength(video),
    views,
    privacy_status: status?.privacyStatus ?? undefined,
    embedding_allowed: status?.embeddable ?? undefined,
    comments_allowed: commentsAllowed(video),
    category: categoryName(snippet?.categoryId),
    time_published: published && !Number.isNaN(published.getTime()) ? published : undefined,
  };
}

// A live or upcoming broadcast says P0D: its length is not known yet, which is not a length of zero.
function videoLength(video: youtube_v3.Schema$Video): number | undefined {
  const seconds = isoDurationSeconds(video.contentDetails?.duration);
  const live = video.snippet?.liveBroadcastContent === "live" || video.snippet?.liveBroadcastContent === "upcoming";
  return seconds === 0 && live ? undefined : seconds;
}

/**
 * The Data API has no "comments enabled" flag. What it does say: statistics.commentCount is left out when comments
 * are turned off, and videos made for kids never allow comments. Without the statistics part we know nothing.
 * (Ratings have no such signal — a missing likeCount means the like count is hidden — so ratings_allowed is left.)
 */
function commentsAllowed(video: youtube_v3.Schema$Video): boolean | undefined {
  if (video.status?.madeForKids === true) return false;
  if (!video.statistics) return undefined;
  return video.statistics.commentCount != null;
}
