"use client";
import Link from "next/link";
import { formatBytes } from "./format";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";
import type { BucketFile } from "./types";

type Props = { file: BucketFile; selected: boolean; onToggle: (key: string) => void };

export function BucketFileRow({ file, selected, onToggle }: Props) {
  return (
    <tr className={selected ? "bg-blue-50/60" : "hover:bg-gray-50"}>
      <td className="w-10 px-3 py-2">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(file.key)}
          aria-label={`Select ${file.filename}`}
          className="size-4 rounded border-gray-300 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        />
      </td>
      <th scope="row" className="max-w-md px-3 py-2 text-left font-medium text-gray-900">
        <span className="block truncate" title={file.key}>
          {file.filename}
        </span>
      </th>
      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-gray-700">{formatBytes(file.size)}</td>
      <td className="px-3 py-2 text-gray-700">
        <LocalTime iso={file.last_modified} />
      </td>
      <td className="px-3 py-2">
        {file.report_id ? (
          <Link
            href={`/reports/${file.report_id}`}
            className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            aria-label={`Import status of ${file.filename}: open report ${file.report_id}`}
          >
            <StatusBadge status={file.import_status} />
          </Link>
        ) : (
          <StatusBadge status={file.import_status} />
        )}
      </td>
    </tr>
  );
}
