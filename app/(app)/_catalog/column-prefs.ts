import { CATALOG_COLUMNS, DEFAULT_VISIBLE_COLUMNS, type CatalogColumn } from "@/lib/catalog/contract";

// Which columns a person shows, remembered in localStorage. What is stored may come from an older version
// of the app or be edited by hand, so parsing keeps only known columns and falls back to the defaults.

export const COLUMN_PREFS_KEY = "catalog.columns.v1";

const KNOWN = new Set<string>(CATALOG_COLUMNS.map((c) => c.key));

/** Known columns in the table's order; the defaults when `raw` is missing, invalid or selects nothing. */
export function parseColumnPrefs(raw: string | null | undefined): CatalogColumn[] {
  if (!raw) return [...DEFAULT_VISIBLE_COLUMNS];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [...DEFAULT_VISIBLE_COLUMNS];
  }
  if (!Array.isArray(value)) return [...DEFAULT_VISIBLE_COLUMNS];
  const chosen = new Set(value.filter((v): v is string => typeof v === "string" && KNOWN.has(v)));
  return chosen.size > 0 ? orderColumns(chosen) : [...DEFAULT_VISIBLE_COLUMNS];
}

export function serializeColumnPrefs(columns: readonly CatalogColumn[]): string {
  return JSON.stringify(orderColumns(new Set(columns)));
}

/** Shows or hides one column; the last visible column cannot be hidden (an empty table helps nobody). */
export function toggleColumn(visible: readonly CatalogColumn[], key: CatalogColumn, show: boolean): CatalogColumn[] {
  const next = new Set(visible);
  if (show) next.add(key);
  else if (next.size > 1) next.delete(key);
  return orderColumns(next);
}

/** TanStack Table's visibility state: every column named, hidden ones `false`. */
export function visibilityState(visible: readonly CatalogColumn[]): Record<CatalogColumn, boolean> {
  const shown = new Set(visible);
  return Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.key, shown.has(c.key)])) as Record<CatalogColumn, boolean>;
}

function orderColumns(chosen: ReadonlySet<string>): CatalogColumn[] {
  return CATALOG_COLUMNS.map((c) => c.key).filter((key) => chosen.has(key));
}
