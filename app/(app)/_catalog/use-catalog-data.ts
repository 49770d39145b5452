"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CatalogPage } from "@/lib/catalog/contract";
import { apiJson, isAbort } from "../reports/_components/api";
import type { LoadedPage } from "./catalog-query";

/**
 * One page of GET /api/videos for `query`. The last loaded page stays on screen while the next one loads (the
 * table dims it) and requests for views the person already left are aborted. `initial` is the page the
 * server rendered, so the first paint needs no request.
 */
export function useCatalogData(query: string, initial: LoadedPage | null) {
  const [loaded, setLoaded] = useState<LoadedPage | null>(initial);
  const [failure, setFailure] = useState<{ query: string; message: string } | null>(null);
  const [loading, setLoading] = useState(initial?.query !== query);
  const [version, setVersion] = useState(0);
  const skip = useRef(initial?.query === query);

  useEffect(() => {
    if (skip.current) {
      skip.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    apiJson<CatalogPage>(`/api/videos${query ? `?${query}` : ""}`, { signal: controller.signal, cache: "no-store" })
      .then((page) => {
        setLoaded({ query, page });
        setFailure(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setFailure({ query, message: e instanceof Error ? e.message : String(e) });
        setLoading(false);
      });
    return () => controller.abort();
  }, [query, version]);

  /** Loads the current view again (retry after an error, or fresher data after an import). */
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // An error belongs to the view that caused it; choosing another view shows that one loading instead.
  const error = failure?.query === query ? failure.message : null;
  return { loaded, error, loading, reload };
}
