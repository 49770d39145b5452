import type { ReactTable, TableState } from "@tanstack/react-table";
import { useId } from "react";
import type { CatalogVideo } from "@/lib/catalog/contract";
import { buttonClasses } from "@/app/_components/button";
import type { catalogFeatures } from "./catalog-columns";
import { formatPageOf } from "./catalog-format";
import { PER_PAGE_OPTIONS } from "./catalog-params";

type Table = ReactTable<typeof catalogFeatures, CatalogVideo, TableState<typeof catalogFeatures>>;

/** First / previous / next / last, "Page x of y" and the page size, driven by the table's pagination API. */
export function CatalogPagination({ table, pagesAreEstimate, disabled }: { table: Table; pagesAreEstimate: boolean; disabled: boolean }) {
  const sizeId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const sizes = PER_PAGE_OPTIONS.some((n) => n === pageSize) ? PER_PAGE_OPTIONS : [...PER_PAGE_OPTIONS, pageSize].sort((a, b) => a - b);
  const button = buttonClasses("secondary", "sm");
  return (
    <nav aria-label="Catalog pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId} className="text-gray-600">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(e) => table.setPageSize(Number(e.target.value))}
          className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm"
        >
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-1.5">
        <button type="button" className={button} disabled={disabled || !table.getCanPreviousPage()} onClick={() => table.firstPage()} aria-label="First page">
          « First
        </button>
        <button type="button" className={button} disabled={disabled || !table.getCanPreviousPage()} onClick={() => table.previousPage()} aria-label="Previous page">
          ‹ Prev
        </button>
        <span className="px-2 tabular-nums" aria-live="polite">
          {formatPageOf(pageIndex + 1, table.getPageCount(), pagesAreEstimate)}
        </span>
        <button type="button" className={button} disabled={disabled || !table.getCanNextPage()} onClick={() => table.nextPage()} aria-label="Next page">
          Next ›
        </button>
        {/* The last page of an estimated count may not exist; jumping there would only show an empty page. */}
        <button
          type="button"
          className={button}
          disabled={disabled || pagesAreEstimate || !table.getCanNextPage()}
          onClick={() => table.lastPage()}
          aria-label="Last page"
        >
          Last »
        </button>
      </div>
    </nav>
  );
}
