"use client";
import { useRef } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { CatalogFilters } from "./catalog-filters";
import { formatTotal } from "./catalog-format";
import { exportQuery, type LoadedPage } from "./catalog-query";
import { KeyboardHint, LoadError, NoMatches, NoVideosYet } from "./catalog-states";
import { CatalogTable } from "./catalog-table";
import { ColumnChooser } from "./column-chooser";
import { ExportButton, ExportStatus } from "./export-button";
import { useCatalogData } from "./use-catalog-data";
import { useCatalogRefresh } from "./use-catalog-refresh";
import { useCatalogState } from "./use-catalog-state";
import { useColumnPrefs } from "./use-column-prefs";
import { useExport } from "./use-export";
import { useSlashFocus } from "./use-slash-focus";

/** The catalog page's client side: URL filters → /api/videos → table, plus export and live refresh. */
export function CatalogWorkspace({ realtime, initial }: { realtime: RealtimeClientConfig | null; initial: LoadedPage | null }) {
  const view = useCatalogState();
  const { loaded, error, loading, reload } = useCatalogData(view.query, initial);
  const notice = useCatalogRefresh(realtime, reload);
  const columns = useColumnPrefs();
  const exporter = useExport();
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const page = loaded?.page ?? null;
  // Rows on screen may still answer the previous view while the new one loads.
  const current = loaded !== null && loaded.query === view.query;
  const settled = current && !loading;
  const isEmpty = settled && page !== null && page.videos.length === 0;

  let body;
  if (error) body = <LoadError message={error} onRetry={reload} onClear={view.clearFilters} />;
  else if (isEmpty && page.total === 0 && view.active.length === 0) body = <NoVideosYet />;
  else if (isEmpty) body = <NoMatches pastTheEnd={page.total > 0} onClear={view.clearFilters} onFirstPage={() => view.setPage(1)} />;
  else
    body = (
      <CatalogTable
        videos={page?.videos ?? null}
        dataKey={loaded?.query ?? ""}
        pages={page?.pages ?? 1}
        pagesAreEstimate={page?.total_is_estimate ?? false}
        page={view.state.page}
        perPage={view.state.per_page}
        sort={view.state.sort}
        visible={columns.visible}
        refreshing={loading}
        onSort={view.setSort}
        onPage={view.setPage}
        onPerPage={view.setPerPage}
      />
    );

  return (
    <div className="space-y-4">
      <CatalogFilters state={view.state} active={view.active} onFilter={view.setFilter} onClear={view.clearFilters} searchRef={searchRef} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3 text-sm">
          <p data-testid="catalog-total" aria-live="polite" className="font-medium text-gray-900 tabular-nums">
            {current && page ? formatTotal(page.total, page.total_is_estimate) : error ? "—" : "Searching…"}
          </p>
          {loading && current && <span className="text-xs text-gray-500">Refreshing…</span>}
          {notice && (
            <p role="status" className="truncate text-xs text-green-700">
              {notice}
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          <ColumnChooser visible={columns.visible} onChange={columns.setVisible} />
          <ExportButton running={exporter.state.phase === "running"} onExport={() => void exporter.start(exportQuery(view.state, columns.visible))} />
        </div>
      </div>
      <ExportStatus state={exporter.state} onCancel={exporter.cancel} onDismiss={exporter.dismiss} />
      {body}
      <KeyboardHint />
    </div>
  );
}
