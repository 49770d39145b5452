import type { Header } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { CatalogVideo } from "@/lib/catalog/contract";
import type { catalogFeatures } from "./catalog-columns";

/** A column header; sortable ones are buttons and the sorted one carries aria-sort. */
export function SortHeader({
  header,
  numeric,
  children,
}: {
  header: Header<typeof catalogFeatures, CatalogVideo, unknown>;
  numeric: boolean;
  children: ReactNode;
}) {
  const sorted = header.column.getIsSorted();
  const align = numeric ? "text-right" : "";
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" className={`whitespace-nowrap px-3 py-2.5 ${align}`}>
        {children}
      </th>
    );
  }
  const next = header.column.getNextSortingOrder() === "desc" ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined} className={`whitespace-nowrap px-1.5 py-1 ${align}`}>
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        title={`Sort ${next}`}
        className={`inline-flex items-center gap-1 rounded px-1.5 py-1.5 hover:bg-gray-200/70 ${sorted ? "text-gray-900" : ""}`}
      >
        {children}
        <span aria-hidden className={`text-[10px] ${sorted ? "text-gray-900" : "text-gray-400"}`}>
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
