// Formatting for the wall screen: read from across a room, so short words and no seconds where they do not matter.

const pad = (n: number) => String(n).padStart(2, "0");

/** "14:05" in the screen's own time zone. */
export function clockTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? "—" : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "3 h 12 min", "8 min", "under a minute" until `iso`; "now" once it has passed. */
export function timeUntil(iso: string, now: Date): string {
  const minutes = Math.floor((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (!Number.isFinite(minutes)) return "—";
  if (minutes < 0) return "now";
  if (minutes < 1) return "under a minute";
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${pad(minutes % 60)} min` : `${minutes} min`;
}

/** "12 s ago", "4 min ago", "2 h ago". */
export function timeAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

const KIND_LABELS: Record<string, string> = {
  import: "Import",
  asset_enrichment: "Asset enrichment",
  metadata_sync: "Metadata sync",
  ownership_update: "Ownership",
  monetization_sync: "Monetization",
};

export function errorKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
