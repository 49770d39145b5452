import Link from "next/link";
import { formatRange } from "@/app/(app)/reports/_components/format";

type Props = { label: string; path: string; page: number; pages: number; perPage: number; total: number; query?: Record<string, string> };

const linkClasses =
  "rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";
const disabledClasses = "cursor-not-allowed rounded-md border border-gray-200 bg-white px-3 py-1.5 text-sm font-medium text-gray-400";

/** Prev/Next as links, so every page of a list has its own URL; the search term is carried along. */
export function PageLinks({ label, path, page, pages, perPage, total, query = {} }: Props) {
  const href = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    if (target > 1) params.set("page", String(target));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return (
    <nav aria-label={`${label} pages`} className="flex flex-wrap items-center justify-between gap-4 text-sm text-gray-600">
      <p>{formatRange(page, perPage, total)}</p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={linkClasses} rel="prev">
            Prev
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>Prev</span>
        )}
        <span className="tabular-nums">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={href(page + 1)} className={linkClasses} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>Next</span>
        )}
      </div>
    </nav>
  );
}
