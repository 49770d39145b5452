import { statusLabel, statusTone, type StatusTone } from "./format";

// Colour is never the only signal: the label text always says the status.
const TONE_CLASSES: Record<StatusTone, string> = {
  neutral: "bg-gray-100 text-gray-700 ring-gray-200",
  info: "bg-blue-50 text-blue-700 ring-blue-200",
  progress: "bg-amber-50 text-amber-800 ring-amber-200",
  success: "bg-green-50 text-green-700 ring-green-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
  muted: "bg-gray-50 text-gray-500 ring-gray-200",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[statusTone(status)]}`}
    >
      {status === "processing" && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />}
      {statusLabel(status)}
    </span>
  );
}
