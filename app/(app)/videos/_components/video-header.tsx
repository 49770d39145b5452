import Link from "next/link";
import type { VideoDetail } from "@/lib/videos/types";
import { LocalTime } from "../../reports/_components/local-time";
import { Badge } from "@/app/_components/badge";

const linkClasses = "text-sm text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-blue-600";

/** Title, id and the status a person checks first: claimed, policy, Short (and why), hidden, administered. */
export function VideoHeader({ detail }: { detail: VideoDetail }) {
  const { video, shorts } = detail;
  const claimed = video.claimed_status === "claimed" || detail.claims.length > 0;
  return (
    <header className="space-y-2">
      <Link href="/" className={linkClasses}>
        ← Catalog
      </Link>
      <h1 className="break-words text-2xl font-semibold text-gray-900">{video.title ?? <span className="text-gray-500">Untitled video</span>}</h1>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-600">
        <span className="font-mono">{video.video_id}</span>
        {video.channel_name && <span>{video.channel_name}</span>}
        <a href={`https://www.youtube.com/watch?v=${video.video_id}`} target="_blank" rel="noopener noreferrer" className={linkClasses}>
          Open on YouTube<span className="sr-only"> (opens in a new tab)</span> ↗
        </a>
      </p>
      <ul aria-label="Status" className="flex flex-wrap items-center gap-2">
        <li>
          <Badge tone={claimed ? "success" : "neutral"}>{claimed ? "Claimed" : "Not claimed"}</Badge>
        </li>
        {video.effective_policy && (
          <li>
            <Badge tone="info" detail="Effective policy">
              Policy: {video.effective_policy}
            </Badge>
          </li>
        )}
        <li>
          <Badge tone={shorts.is_short ? "warning" : "neutral"} detail={shorts.reason}>
            {shorts.is_short === null ? "Short: unknown" : shorts.is_short ? "Short" : "Not a Short"}
          </Badge>
          <span className="ml-1.5 text-xs text-gray-600">{shorts.reason}</span>
        </li>
        {video.hidden && (
          <li>
            <Badge tone="danger">Hidden</Badge>
          </li>
        )}
        {video.administered && (
          <li>
            <Badge tone="success">
              Administered{video.administered_at && <> since <LocalTime iso={video.administered_at} /></>}
            </Badge>
          </li>
        )}
      </ul>
    </header>
  );
}
