import Link from "next/link";
import type { CatalogColumn, CatalogVideo } from "@/lib/catalog/contract";
import { LocalTime } from "../reports/_components/local-time";
import { Badge } from "@/app/_components/badge";
import { formatCount, formatFlag, formatLength, policyTone, shortRuleLabel, shortRuleText } from "./catalog-format";

const dash = <span className="text-gray-400">—</span>;
const SOURCES = { report: "a report import", api: "the YouTube API", user: "a person's edit" } as const;
const SANDBOX_DETAIL = "The latest API data came from the local YouTube sandbox, not from Google";

function Mono({ value }: { value: string | null }) {
  return value ? <span className="font-mono text-xs">{value}</span> : dash;
}

function Clipped({ value, width = "max-w-64" }: { value: string | null; width?: string }) {
  return value ? (
    <span className={`block truncate ${width}`} title={value}>
      {value}
    </span>
  ) : (
    dash
  );
}

/** One cell of the catalog table; `column` is one of the contract's columns. */
export function VideoCell({ column, video }: { column: CatalogColumn; video: CatalogVideo }) {
  switch (column) {
    case "video_id":
      return (
        // One tab stop per table: rows are reached with the arrow keys and opened with Enter (see use-row-keys).
        <Link href={`/videos/${encodeURIComponent(video.video_id)}`} tabIndex={-1} className="font-mono text-xs font-medium text-blue-700 hover:underline">
          {video.video_id}
        </Link>
      );
    case "title":
      return (
        <span className="flex items-center gap-1.5">
          <Clipped value={video.title} width="max-w-80" />
          {video.hidden && <Badge tone="muted" detail="Hidden from the default catalog view">Hidden</Badge>}
          {video.sandbox && <Badge tone="sandbox" detail={SANDBOX_DETAIL}>Sandbox</Badge>}
        </span>
      );
    case "channel_name":
    case "label":
    case "category":
      return <Clipped value={video[column]} width="max-w-48" />;
    case "notes":
      return <Clipped value={video.notes} />;
    case "channel_id":
    case "asset_id":
    case "custom_id":
    case "upc":
    case "isrc":
      return <Mono value={video[column]} />;
    case "artist":
    case "genre":
      return <Clipped value={video[column]?.join(", ") || null} width="max-w-48" />;
    case "claimed_status":
      return video.claimed_status ? (
        <Badge tone={video.claimed_status.toLowerCase() === "claimed" ? "success" : "neutral"}>{capitalize(video.claimed_status)}</Badge>
      ) : (
        <Badge tone="muted">Not claimed</Badge>
      );
    case "effective_policy":
      return video.effective_policy ? <Badge tone={policyTone(video.effective_policy)}>{video.effective_policy}</Badge> : dash;
    case "is_short":
      if (video.is_short == null) return dash;
      return video.is_short ? (
        <Badge tone="warning" detail={shortRuleText(video.short_rule, true)}>Short</Badge>
      ) : (
        <span className="text-xs text-gray-500" title={shortRuleText(video.short_rule, false)}>No</span>
      );
    case "short_rule":
      return video.short_rule ? <span title={shortRuleText(video.short_rule, video.is_short)}>{shortRuleLabel(video.short_rule)}</span> : dash;
    case "video_length":
      return video.video_length == null ? dash : <span title={`${formatCount(video.video_length)} s`}>{formatLength(video.video_length)}</span>;
    case "views":
      return <span className="tabular-nums">{formatCount(video.views)}</span>;
    case "privacy_status":
      return video.privacy_status ? <span>{capitalize(video.privacy_status)}</span> : dash;
    case "time_published":
    case "updated_at":
      return <LocalTime iso={video[column]} />;
    case "last_synced":
      if (!video.last_synced) return dash;
      return (
        <span className="flex items-center gap-1.5" title={video.last_source ? `From ${SOURCES[video.last_source]}` : undefined}>
          <LocalTime iso={video.last_synced} />
          {video.sandbox && <Badge tone="sandbox" detail={SANDBOX_DETAIL}>Sandbox</Badge>}
        </span>
      );
    case "hidden":
      return video.hidden ? <Badge tone="muted">Hidden</Badge> : <span className="text-xs text-gray-500">No</span>;
    case "administered":
      return <span className="text-xs">{formatFlag(video.administered)}</span>;
  }
}

function capitalize(value: string): string {
  return value ? value[0].toUpperCase() + value.slice(1).replace(/_/g, " ") : value;
}
