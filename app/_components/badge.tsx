import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "muted" | "sandbox";

// Small status pills (catalog cells, the video page). Colour is never the only signal: the text always says the status, and a
// `detail` (why, where from) is both the hover title and text for screen readers.

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-gray-100 text-gray-700 ring-gray-200",
  info: "bg-blue-50 text-blue-700 ring-blue-200",
  success: "bg-green-50 text-green-700 ring-green-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
  muted: "bg-white text-gray-500 ring-gray-200",
  sandbox: "bg-purple-50 text-purple-700 ring-purple-200",
};

export function Badge({ tone = "neutral", detail, children }: { tone?: BadgeTone; detail?: string; children: ReactNode }) {
  return (
    <span
      title={detail}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
      {detail && <span className="sr-only">: {detail}</span>}
    </span>
  );
}
