import { DEFAULT_SORT, SORT_FIELDS, type SortField } from "@/lib/catalog/contract";

// `sort=field:asc|desc` as the API takes it, converted to and from TanStack Table's SortingState.

export type SortSpec = { field: SortField; desc: boolean };

export function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value);
}

export function parseSort(value: string | null | undefined): SortSpec {
  const [field, dir] = (value ?? "").split(":");
  if (field && isSortField(field) && (dir === "asc" || dir === "desc")) return { field, desc: dir === "desc" };
  return parseSort(DEFAULT_SORT);
}

export function isValidSort(value: string): boolean {
  const [field, dir, extra] = value.split(":");
  return extra === undefined && isSortField(field) && (dir === "asc" || dir === "desc");
}

export function formatSort(spec: SortSpec): string {
  return `${spec.field}:${spec.desc ? "desc" : "asc"}`;
}

/** The table's sorting state for a sort parameter (always exactly one column: the server sorts by one). */
export function sortingState(value: string): { id: string; desc: boolean }[] {
  const spec = parseSort(value);
  return [{ id: spec.field, desc: spec.desc }];
}
