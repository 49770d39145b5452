import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from "@tanstack/react-table";
import { CATALOG_COLUMNS, type CatalogVideo } from "@/lib/catalog/contract";
import { isSortField } from "./catalog-sort";
import { VideoCell } from "./video-cell";

// The table model: TanStack Table keeps sorting, pagination and column visibility state; the server does the
// sorting and paging itself (manual modes), so no client row models are registered.

export const catalogFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof catalogFeatures, CatalogVideo>();

/** Header text in the table and the chooser (the CSV keeps the contract's labels). */
const HEADERS: Partial<Record<string, string>> = { video_length: "Length" };

/** Right-aligned so digits line up. */
export const NUMERIC_COLUMNS = new Set<string>(["views", "video_length"]);

// `any`: each column's value type differs; this is the array type TanStack's own `helper.columns` returns.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const catalogColumns: ColumnDef<typeof catalogFeatures, CatalogVideo, any>[] = CATALOG_COLUMNS.map(({ key, label }) =>
  // Accessor columns (not display columns): TanStack only lets columns with an accessor toggle sorting.
  helper.accessor((video) => video[key], {
    id: key,
    header: HEADERS[key] ?? label,
    cell: ({ row }) => <VideoCell column={key} video={row.original} />,
    enableSorting: isSortField(key),
    // Largest, newest and longest first is what people look for; titles read best A→Z.
    sortDescFirst: key !== "title",
  }),
);

export function columnHeader(key: string): string {
  return HEADERS[key] ?? CATALOG_COLUMNS.find((c) => c.key === key)?.label ?? key;
}
