"use client";
import { useEffect, useRef, useState } from "react";
import { Alert } from "./alert";
import { requestImport } from "./api";
import { BucketFileRow } from "./bucket-file-row";
import { ImportSelectedBar } from "./import-selected-bar";
import { Pagination } from "./pagination";
import { SearchBox } from "./search-box";
import { BUCKET_PAGE_SIZE } from "./constants";
import { bucketEmptyMessage } from "./format";
import { useBucketFiles } from "./use-bucket-files";

type Props = {
  refreshKey: number;
  excludeShorts: boolean;
  onExcludeShortsChange: (value: boolean) => void;
  /** Called after imports were accepted, so the history (and this list) refetch. */
  onImported: () => void;
};

export function BucketFilesTable({ refreshKey, excludeShorts, onExcludeShortsChange, onImported }: Props) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  // Keys, not rows: a selection survives paging and searching, so files can be picked across pages.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error, reload } = useBucketFiles(page, search, refreshKey);
  const selectAll = useRef<HTMLInputElement>(null);

  const files = data?.files ?? [];
  const onPage = files.filter((f) => selected.has(f.key)).length;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = onPage > 0 && onPage < files.length;
  }, [onPage, files.length]);

  function toggle(key: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  function toggleAllOnPage(checked: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const f of files) {
        if (checked) next.add(f.key);
        else next.delete(f.key);
      }
      return next;
    });
  }

  async function importSelected() {
    setImporting(true);
    setImportError(null);
    setNotice(null);
    try {
      const result = await requestImport([...selected], excludeShorts);
      setSelected(new Set());
      setNotice(`${result.report_ids.length} import${result.report_ids.length === 1 ? "" : "s"} queued. Progress is shown under Import history.`);
      onImported();
    } catch (e) {
      setImportError(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  }

  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SearchBox
          label="Search files by name"
          placeholder="Search file names…"
          onSearch={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
        <ImportSelectedBar
          count={selected.size}
          busy={importing}
          excludeShorts={excludeShorts}
          onExcludeShortsChange={onExcludeShortsChange}
          onImport={importSelected}
          onClear={() => setSelected(new Set())}
        />
      </div>
      {importError && <Alert onDismiss={() => setImportError(null)}>Import not started: {importError}</Alert>}
      {notice && <Alert tone="success" onDismiss={() => setNotice(null)}>{notice}</Alert>}
      {error && (
        <Alert>
          Could not list the bucket: {error}{" "}
          <button type="button" onClick={reload} className="font-medium underline focus-visible:outline-2 focus-visible:outline-red-700">
            Try again
          </button>
        </Alert>
      )}
      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="min-w-full divide-y divide-gray-200 text-sm" aria-busy={loading}>
          <caption className="sr-only">Report files in the bucket, newest first</caption>
          <thead className="bg-gray-50">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  ref={selectAll}
                  type="checkbox"
                  checked={files.length > 0 && onPage === files.length}
                  disabled={files.length === 0}
                  onChange={(e) => toggleAllOnPage(e.target.checked)}
                  aria-label="Select all files on this page"
                  className="size-4 rounded border-gray-300 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                />
              </th>
              <th scope="col" className={th}>File name</th>
              <th scope="col" className={`${th} text-right`}>Size</th>
              <th scope="col" className={th}>Last modified</th>
              <th scope="col" className={th}>Import status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 bg-white">
            {files.map((file) => (
              <BucketFileRow key={file.key} file={file} selected={selected.has(file.key)} onToggle={toggle} />
            ))}
            {files.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-gray-500">
                  {bucketEmptyMessage({ loading: loading && !data, error, search, total: data?.total ?? 0 })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data && data.count > 0 && (
        <Pagination label="Bucket files" page={page} pageSize={BUCKET_PAGE_SIZE} total={data.count} onPage={setPage} disabled={loading} />
      )}
    </div>
  );
}
