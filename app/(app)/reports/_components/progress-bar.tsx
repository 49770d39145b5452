import { clampPercent } from "./format";

/** A native-semantics progress bar (role="progressbar" with values), styled with Tailwind. */
export function ProgressBar({ value, label, size = "md" }: { value: number | null | undefined; label: string; size?: "sm" | "md" }) {
  const percent = clampPercent(value);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`w-full overflow-hidden rounded-full bg-gray-200 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
    >
      <div className="h-full rounded-full bg-blue-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
    </div>
  );
}
