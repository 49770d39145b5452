import Link from "next/link";
import type { ReactNode } from "react";
import type { VideoRecord } from "@/lib/videos/types";
import { LocalTime } from "../../reports/_components/local-time";
import { fieldLabel, formatLength, formatValue } from "./format-value";

type Row = [label: string, value: ReactNode];

const AD_FORMATS = [
  ["ad_display", "Display"], ["ad_overlay", "Overlay"], ["ad_sponsorship_cards", "Sponsorship cards"], ["ad_skippable", "Skippable"],
  ["ad_non_skippable", "Non-skippable"], ["ad_bumper", "Bumper"], ["ad_preroll", "Pre-roll"], ["ad_midroll", "Mid-roll"],
  ["ad_postroll", "Post-roll"], ["ad_third_party", "Third party"],
] as const;

const empty = <span className="text-gray-400">—</span>;
const text = (value: unknown) => (value === null || value === undefined || value === "" ? empty : formatValue(value));
const mono = (value: string | null) => (value ? <span className="break-all font-mono text-xs">{value}</span> : empty);
const reportLink = (id: number | null) => (id === null ? empty : <Link href={`/reports/${id}`} className="text-blue-700 hover:underline">Report {id}</Link>);

function groups(v: VideoRecord): [string, Row[]][] {
  const field = (key: keyof VideoRecord, render: (value: never) => ReactNode = text): Row => [fieldLabel(key), render(v[key] as never)];
  const adsOn = AD_FORMATS.filter(([key]) => v[key] === true).map(([, label]) => label);
  const adsKnown = AD_FORMATS.some(([key]) => v[key] !== null);
  return [
    ["Video", [
      field("channel_name"), field("channel_id", mono), field("uploader"), field("category"), field("content_type"),
      ["Length", formatLength(v.video_length)], field("views"), field("privacy_status"), field("is_live_stream"),
      field("upload_source"), ["Published", <LocalTime key="p" iso={v.time_published} />], ["Uploaded", <LocalTime key="u" iso={v.time_uploaded} />],
    ]],
    ["Rights", [
      field("asset_id", mono), field("custom_id", mono), field("upc", mono), field("isrc", mono), field("claim_id", mono),
      field("claimed_status"), field("claimed_by_this_owner"), field("claimed_by_another_owner"), field("other_owners_claiming"),
      field("effective_policy"),
    ]],
    ["Metadata", [field("artist"), field("genre"), field("label"), ["Notes", v.notes ? <span className="whitespace-pre-wrap">{v.notes}</span> : empty]]],
    ["Settings", [
      field("embedding_allowed"), field("ratings_allowed"), field("comments_allowed"),
      ["Ad formats", adsKnown ? (adsOn.length ? adsOn.join(", ") : "None") : empty],
    ]],
    ["Record", [
      ["Created by", reportLink(v.created_by_report_id)], ["Added to catalog", <LocalTime key="c" iso={v.created_at} />],
      ["Last changed", <LocalTime key="up" iso={v.updated_at} />], ["Last report", reportLink(v.last_source_report_id)],
      ["Last synced from YouTube", <LocalTime key="api" iso={v.api_synced_at} />],
    ]],
  ];
}

/** Every field of the video, grouped the way the team reads them. */
export function FieldsGrid({ video }: { video: VideoRecord }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {groups(video).map(([title, rows]) => (
        <div key={title}>
          <h3 className="mb-2 text-sm font-semibold text-gray-700">{title}</h3>
          <dl className="space-y-1.5 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="flex gap-3">
                <dt className="w-44 shrink-0 text-gray-600">{label}</dt>
                <dd className="min-w-0 break-words text-gray-900">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
