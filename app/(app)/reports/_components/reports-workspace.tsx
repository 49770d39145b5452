"use client";
import { useCallback, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { BucketFilesTable } from "./bucket-files-table";
import { ImportHistory } from "./import-history";
import type { ReportHistoryPage } from "./types";
import { UploadReports } from "./upload-reports";

// One client parent so an upload or import in one section can refresh the other.

const card = "space-y-4 rounded-lg border border-gray-200 bg-white p-5 shadow-sm";

export function ReportsWorkspace({ realtime, initialHistory }: { realtime: RealtimeClientConfig | null; initialHistory: ReportHistoryPage }) {
  const [bucketKey, setBucketKey] = useState(0);
  const [historyKey, setHistoryKey] = useState(0);
  // Shared so "Import now" after an upload honours the same choice as "Import selected".
  const [excludeShorts, setExcludeShorts] = useState(false);

  const refreshBucket = useCallback(() => setBucketKey((k) => k + 1), []);
  const refreshBoth = useCallback(() => {
    setBucketKey((k) => k + 1);
    setHistoryKey((k) => k + 1);
  }, []);

  return (
    <>
      <section aria-labelledby="bucket-heading" className={card}>
        <div>
          <h2 id="bucket-heading" className="text-base font-semibold text-gray-900">
            Files in the bucket
          </h2>
          <p className="text-sm text-gray-600">CMS report files under reports/, newest first. Select files to import them.</p>
        </div>
        <UploadReports excludeShorts={excludeShorts} onUploaded={refreshBucket} onImported={refreshBoth} />
        <BucketFilesTable
          refreshKey={bucketKey}
          excludeShorts={excludeShorts}
          onExcludeShortsChange={setExcludeShorts}
          onImported={refreshBoth}
        />
      </section>
      <section aria-labelledby="history-heading" className={card}>
        <h2 id="history-heading" className="text-base font-semibold text-gray-900">
          Import history
        </h2>
        <ImportHistory initial={initialHistory} realtime={realtime} refreshKey={historyKey} onStatusChange={refreshBucket} />
      </section>
    </>
  );
}
