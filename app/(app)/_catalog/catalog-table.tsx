"use client";
import { functionalUpdate, useTable, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import type { CatalogColumn, CatalogVideo } from "@/lib/catalog/contract";
import { catalogColumns, catalogFeatures, NUMERIC_COLUMNS } from "./catalog-columns";
import { CatalogPagination } from "./catalog-pagination";
import { formatSort, isSortField, sortingState } from "./catalog-sort";
import { visibilityState } from "./column-prefs";
import { SortHeader } from "./sort-header";
import { useRowKeys } from "./use-row-keys";

const NO_ROWS: CatalogVideo[] = [];
const SKELETON_ROWS = 8;

type Props = {
  videos: CatalogVideo[] | null;
  /** Names the rows on screen (the query they answer); keyboard focus restarts at the top when it changes. */
  dataKey: string;
  pages: number;
  pagesAreEstimate: boolean;
  page: number;
  perPage: number;
  sort: string;
  visible: readonly CatalogColumn[];
  /** A newer view is loading: the rows shown are the previous view's. */
  refreshing: boolean;
  onSort: (sort: string) => void;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
};

export function CatalogTable(props: Props) {
  const { videos, dataKey, pages, page, perPage, sort, visible, refreshing, onSort, onPage, onPerPage } = props;
  const router = useRouter();
  const sorting = useMemo(() => sortingState(sort), [sort]);
  const columnVisibility = useMemo(() => visibilityState(visible), [visible]);
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);

  const table = useTable({
    features: catalogFeatures,
    columns: catalogColumns,
    data: videos ?? NO_ROWS,
    getRowId: (video) => video.video_id,
    state: { sorting, columnVisibility, pagination },
    manualSorting: true,
    manualPagination: true,
    pageCount: Math.max(1, pages),
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next && isSortField(next.id)) onSort(formatSort({ field: next.id, desc: next.desc }));
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== perPage) onPerPage(next.pageSize);
      else if (next.pageIndex !== pagination.pageIndex) onPage(next.pageIndex + 1);
    },
  });

  const rows = table.getRowModel().rows;
  const rowProps = useRowKeys(rows.length, dataKey, (index, newTab) => {
    const href = `/videos/${encodeURIComponent(rows[index].original.video_id)}`;
    if (newTab) window.open(href, "_blank", "noopener");
    else router.push(href);
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table aria-label="Videos" aria-busy={refreshing || !videos} className="min-w-full text-sm">
          <thead className="border-b border-gray-200 bg-gray-50 text-left text-xs font-semibold text-gray-700">
            <tr>
              {headers.map((header) => (
                <SortHeader key={header.id} header={header} numeric={NUMERIC_COLUMNS.has(header.id)}>
                  <table.FlexRender header={header} />
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody className={`divide-y divide-gray-100 transition-opacity ${refreshing && videos ? "opacity-50" : ""}`}>
            {!videos
              ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                  <tr key={i} aria-hidden>
                    {headers.map((header) => (
                      <td key={header.id} className="px-3 py-2.5">
                        <span className="block h-3.5 w-full max-w-32 animate-pulse rounded bg-gray-200" />
                      </td>
                    ))}
                  </tr>
                ))
              : rows.map((row, index) => (
                  <tr
                    key={row.id}
                    {...rowProps(index)}
                    className="hover:bg-gray-50 focus:bg-blue-50 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600"
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={`whitespace-nowrap px-3 py-2 text-gray-800 ${NUMERIC_COLUMNS.has(cell.column.id) ? "text-right" : ""}`}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      <CatalogPagination table={table} pagesAreEstimate={props.pagesAreEstimate} disabled={!videos} />
    </div>
  );
}
