import Link from "next/link";
import type { TimelineChange, TimelineEntry, TimelineSource } from "@/lib/videos/types";
import { Badge } from "@/app/_components/badge";
import { LocalTime } from "../../reports/_components/local-time";
import { fieldLabel, formatValue } from "./format-value";

const link = "text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-blue-600";
const MAX_SHOWN = 160;

function Source({ source }: { source: TimelineSource }) {
  if (source.kind === "report") {
    const name = source.report_id === null ? "a report" : `report ${source.report_id}`;
    return (
      <>
        {source.href ? <Link href={source.href} className={link}>{name}</Link> : name}
        {source.filename && <span className="text-gray-500"> ({source.filename})</span>}
      </>
    );
  }
  if (source.kind === "api") {
    return (
      <>
        API call {source.call ? <code className="text-xs">{source.call}</code> : "(unnamed)"}
        {source.task_id !== null && (
          <>
            {" "}
            (<Link href={`/queue?search=${source.task_id}`} className={link}>task {source.task_id}</Link>)
          </>
        )}
        {source.sandbox && (
          <>
            {" "}
            <Badge tone="sandbox" detail="made-up values from the local YouTube sandbox, not Google">sandbox</Badge>
          </>
        )}
      </>
    );
  }
  const who = source.name || source.email || `user ${source.user_id ?? "unknown"}`;
  return (
    <>
      {who}
      {source.name && source.email && <span className="text-gray-500"> ({source.email})</span>}
    </>
  );
}

function Value({ value, tone }: { value: unknown; tone: "old" | "new" }) {
  const text = formatValue(value);
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  const classes = tone === "old" ? "bg-red-50 text-red-800 line-through decoration-red-300" : "bg-green-50 text-green-800";
  const Tag = tone === "old" ? "del" : "ins";
  return <Tag title={text} className={`rounded px-1 no-underline ${classes} ${value === null ? "italic" : ""}`}>{shown}</Tag>;
}

function DeletedSummary({ change }: { change: TimelineChange }) {
  const snapshot = (change.old ?? {}) as { video?: { title?: string | null }; claims?: unknown[]; metrics?: unknown[] };
  return (
    <p className="text-sm text-gray-700">
      Removed “{snapshot.video?.title ?? "untitled"}” with {snapshot.claims?.length ?? 0} claim(s) and {snapshot.metrics?.length ?? 0} metric row(s); the
      audit record keeps them as they were.
    </p>
  );
}

function headline(entry: TimelineEntry) {
  if (entry.kind === "created") return "Created by";
  if (entry.kind === "deleted") return "Deleted by";
  return "Changed by";
}

/** The video's history, oldest first, so "Created by report N" opens it. */
export function Timeline({ entries, total }: { entries: TimelineEntry[]; total: number }) {
  const audited = entries.filter((e) => e.kind !== "created").length;
  return (
    <div className="space-y-3">
      {total > audited && (
        <p className="text-sm text-gray-600">Showing the newest {audited} of {total} changes; older ones are kept but not listed.</p>
      )}
      {entries.length === 0 ? (
        <p className="text-sm text-gray-600">No history recorded for this video.</p>
      ) : (
        <ol aria-label="History" className="space-y-4 border-l-2 border-gray-200 pl-5">
          {entries.map((entry) => (
            <li key={entry.id} className="relative">
              <span aria-hidden className={`absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full ring-2 ring-white ${entry.kind === "created" ? "bg-green-600" : entry.kind === "deleted" ? "bg-red-600" : "bg-gray-400"}`} />
              <p className="text-sm text-gray-900">
                <span className="font-medium">{headline(entry)}</span> <Source source={entry.source} />
                <span className="text-gray-500"> · </span>
                <span className="text-gray-600"><LocalTime iso={entry.at} /></span>
              </p>
              {entry.kind === "deleted" ? (
                <DeletedSummary change={entry.changes[0]} />
              ) : (
                entry.changes.length > 0 && (
                  <ul className="mt-1 space-y-1 text-sm">
                    {entry.changes.map((change) => (
                      <li key={change.field} className="flex flex-wrap items-baseline gap-x-2">
                        <span className="text-gray-600">{fieldLabel(change.field)}:</span>{" "}
                        <Value value={change.old} tone="old" />{" "}
                        <span aria-hidden>→</span>
                        <span className="sr-only">changed to</span>{" "}
                        <Value value={change.new} tone="new" />
                      </li>
                    ))}
                  </ul>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
