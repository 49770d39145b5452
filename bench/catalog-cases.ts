import { benchVideoId } from "./generate-videos-report";

// The requests each benchmark case sends: at least 50 per case, with varied terms, so caching one answer
// cannot flatter a figure.

const COMMON = ["love", "official", "video", "heart", "night", "dance", "baby", "world", "fire", "dream"];
const RARE = ["kalo", "zentor", "velqui", "narsho", "pexdru", "fayum", "bixwen", "quimi", "torvel", "drufa"];
const CHANNEL_TERMS = ["love", "kalo", "music", "ra1", "zen20", "tor33", "sho", "vel4", "night", "mi7"];
const GENRES = ["Pop", "Rock", "Hip-Hop", "Electronic", "Latin"];
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

export const referenceTerms = [...COMMON.slice(0, 5), ...RARE.slice(0, 5)];

export function caseRequests(videos: number): Record<string, string[]> {
  const lastPage = Math.floor(videos / 20);
  return {
    "first page, no filter": times(50, (i) => `/api/videos?per_page=${20 + (i % 3) * 5}`),
    "title search, common terms": times(50, (i) => `/api/videos?search=${COMMON[i % COMMON.length]}`),
    "title search, rare terms": times(50, (i) => `/api/videos?search=${RARE[i % RARE.length]}`),
    "channel search": times(50, (i) => `/api/videos?channel_search=${CHANNEL_TERMS[i % CHANNEL_TERMS.length]}`),
    "has_asset_id=yes&duration=medium": times(50, (i) => `/api/videos?has_asset_id=yes&duration=medium&page=${1 + (i % 5)}`),
    "sort=views:desc": times(50, (i) => `/api/videos?sort=views:desc&page=${1 + (i % 5)}`),
    "page 5,000": times(50, (i) => `/api/videos?page=${Math.min(lastPage, 4990 + (i % 20))}`),
    "four filters": times(50, (i) => `/api/videos?has_asset_id=yes&duration=medium&policy=Monetize&genre=${GENRES[i % GENRES.length]}`),
    "video id lookup": times(50, (i) => `/api/videos?video_id=${benchVideoId((i * 7919) % videos)}`),
  };
}
