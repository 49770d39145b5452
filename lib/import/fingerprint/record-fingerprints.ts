import { normalizeHeaderName, type RecordsListener } from "@/lib/import/parse";
import type { FingerprintSink } from "./fingerprint-writer";

/**
 * Fingerprints the records of a video-level report as a scan reads them (asset-level reports have no video id
 * to compare by and are skipped). The sink is opened on the first records, so a file-level failure before them
 * opens nothing.
 */
export function recordFingerprints(openSink: () => Promise<FingerprintSink>) {
  let sink: FingerprintSink | null = null;
  let keyIndex = -1;
  const onRecords: RecordsListener = async (header, records) => {
    if (header.kind.level !== "video") return;
    if (!sink) {
      sink = await openSink();
      keyIndex = header.columns.map(normalizeHeaderName).indexOf("video_id");
    }
    for (const record of records) {
      const full = sink.add(record.line, (record.field(keyIndex) ?? "").trim(), record.hash);
      if (full) await full;
    }
  };
  return {
    onRecords,
    finish: async () => sink?.finish(),
    abort: async (error: Error) => sink?.abort(error),
  };
}
