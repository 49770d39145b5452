"use client";
import { useEffect, useState } from "react";
import { apiJson, isAbort } from "./api";
import { BUCKET_PAGE_SIZE } from "./constants";
import type { BucketListing } from "./types";

/** GET /api/reports/s3-files for one page/search; refetches when `refreshKey` changes (after uploads and imports). */
export function useBucketFiles(page: number, search: string, refreshKey: number) {
  const [data, setData] = useState<BucketListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);

  useEffect(() => {
    // Aborting the previous request keeps a slow, older search from overwriting a newer one.
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    const params = new URLSearchParams({ page: String(page), pageSize: String(BUCKET_PAGE_SIZE) });
    if (search) params.set("search", search);
    apiJson<BucketListing>(`/api/reports/s3-files?${params}`, { signal: controller.signal })
      .then((listing) => {
        setData(listing);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [page, search, refreshKey, retry]);

  return { data, loading, error, reload: () => setRetry((n) => n + 1) };
}
