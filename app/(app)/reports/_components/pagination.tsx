import { formatRange, pageCount } from "./format";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Names the list for screen readers, e.g. "Bucket files". */
  label: string;
  disabled?: boolean;
};

export function Pagination({ page, pageSize, total, onPage, label, disabled }: Props) {
  const pages = pageCount(pageSize, total);
  const button =
    "rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <nav aria-label={`${label} pages`} className="flex items-center justify-between gap-4 text-sm text-gray-600">
      <p aria-live="polite">{formatRange(page, pageSize, total)}</p>
      <div className="flex items-center gap-2">
        <button type="button" className={button} disabled={disabled || page <= 1} onClick={() => onPage(page - 1)}>
          Prev
        </button>
        <span className="tabular-nums">
          Page {page} of {pages}
        </span>
        <button type="button" className={button} disabled={disabled || page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
