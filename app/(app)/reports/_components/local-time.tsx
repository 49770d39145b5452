"use client";
import { useEffect, useState } from "react";
import { formatDateTime } from "./format";

/**
 * The server cannot know the browser's time zone, so it renders UTC (labelled) and the browser switches to
 * local time after hydration — no hydration mismatch, and no wrong-looking time before it.
 */
export function LocalTime({ iso }: { iso: string | null | undefined }) {
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(true), []);
  if (!iso) return <span className="text-gray-400">—</span>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {formatDateTime(iso, { utc: !local })}
    </time>
  );
}
