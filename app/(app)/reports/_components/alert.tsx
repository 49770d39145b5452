import type { ReactNode } from "react";

// role="alert" so errors are announced the moment they appear; notices are polite status messages.
export function Alert({ tone = "error", children, onDismiss }: { tone?: "error" | "success" | "info"; children: ReactNode; onDismiss?: () => void }) {
  const classes = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-200 bg-green-50 text-green-800",
    info: "border-blue-200 bg-blue-50 text-blue-800",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${classes}`}>
      <div>{children}</div>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          className="rounded px-1 text-current hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-current"
          aria-label="Dismiss"
        >
          ×
        </button>
      )}
    </div>
  );
}
