"use client";
import Link from "next/link";
import { formatBytes, formatPercent } from "./format";
import { ProgressBar } from "./progress-bar";

export type UploadState = {
  id: string;
  name: string;
  size: number;
  loaded: number;
  phase: "signing" | "uploading" | "uploaded" | "importing" | "imported" | "error";
  key?: string;
  reportId?: number;
  error?: string;
};

const button =
  "rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";

export function UploadItem({ item, onImport, onRemove }: { item: UploadState; onImport: (item: UploadState) => void; onRemove: (id: string) => void }) {
  const percent = item.size > 0 ? (item.loaded / item.size) * 100 : item.phase === "signing" ? 0 : 100;
  const finished = item.phase !== "signing" && item.phase !== "uploading";
  return (
    <li className="space-y-1.5 py-2">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="truncate font-medium text-gray-900" title={item.name}>
          {item.name}
        </span>
        <span className="flex shrink-0 items-center gap-2">
          {item.phase === "uploaded" && (
            <button type="button" onClick={() => onImport(item)} className={`${button} bg-blue-600 text-white hover:bg-blue-700`}>
              Import now
            </button>
          )}
          {item.phase === "importing" && <span className="text-xs text-gray-600">Starting import…</span>}
          {item.phase === "imported" && item.reportId && (
            <Link href={`/reports/${item.reportId}`} className="text-xs font-medium text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600">
              Import queued — view report
            </Link>
          )}
          {finished && (
            <button type="button" onClick={() => onRemove(item.id)} aria-label={`Remove ${item.name} from this list`} className={`${button} text-gray-500 hover:text-gray-800`}>
              Dismiss
            </button>
          )}
        </span>
      </div>
      {item.phase === "error" ? (
        <p role="alert" className="text-xs text-red-700">
          {item.error}
        </p>
      ) : (
        <>
          <ProgressBar value={percent} label={`Upload progress of ${item.name}`} size="sm" />
          <p className="text-xs text-gray-600 tabular-nums">
            {item.phase === "signing"
              ? "Preparing upload…"
              : `${formatPercent(percent)} · ${formatBytes(item.loaded)} of ${formatBytes(item.size)}${finished ? " · uploaded" : ""}`}
          </p>
          {item.error && (
            <p role="alert" className="text-xs text-red-700">
              Import not started: {item.error}
            </p>
          )}
        </>
      )}
    </li>
  );
}
