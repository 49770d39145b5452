// Reading GET /api/export in the browser: the body is read chunk by chunk so the page can show how many rows
// have arrived against the total the server announces (x-export-rows), and can stop when a person cancels.
// Plain functions on web-standard types (Response, Uint8Array), so they are tested in Node as they run here.

export type ExportProgress = { rows: number; total: number | null; totalIsEstimate: boolean };

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records as bytes arrive. Line breaks inside quoted cells (notes, titles) are not record ends; a
 * doubled quote inside a cell toggles twice, so the state stays right across chunk boundaries too.
 */
export function createCsvRecordCounter() {
  let inQuotes = false;
  let records = 0;
  let pending = false; // bytes after the last record end
  return {
    push(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) inQuotes = !inQuotes;
        else if (byte === NEWLINE && !inQuotes) {
          records++;
          pending = false;
          continue;
        }
        pending = true;
      }
    },
    /** Data rows so far (the header line is not a row); a final line without a line break counts once `done`. */
    rows(done = false) {
      return Math.max(0, records + (done && pending ? 1 : 0) - 1);
    },
  };
}

/** The file name from `content-disposition`, else `video_export_YYYY-MM-DD.csv` for `today`. */
export function exportFilename(disposition: string | null, today: Date): string {
  const star = disposition?.match(/filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i);
  const plain = disposition?.match(/filename\s*=\s*"?([^";]+)"?/i);
  let name = "";
  try {
    name = star ? decodeURIComponent(star[1].trim().replace(/^"|"$/g, "")) : (plain?.[1].trim() ?? "");
  } catch {
    name = plain?.[1].trim() ?? "";
  }
  // A header naming a path must not choose where the file lands.
  name = name.replace(/^.*[\\/]/, "");
  return name || `video_export_${today.toISOString().slice(0, 10)}.csv`;
}

/** The announced row count, or null when the server did not (or could not) say. */
export function announcedRows(headers: Headers): { total: number | null; totalIsEstimate: boolean } {
  const raw = headers.get("x-export-rows");
  const total = raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
  return { total, totalIsEstimate: total !== null && headers.get("x-export-rows-estimate") === "1" };
}

/** 0–100; an estimated total can be passed, so the bar waits at 99 % until the stream really ends. */
export function exportPercent(progress: ExportProgress): number | null {
  if (progress.total === null) return null;
  if (progress.total === 0) return 99;
  return Math.min(99, Math.floor((progress.rows / progress.total) * 100));
}

/** Reads the whole body, reporting progress at most every `intervalMs`; returns the bytes as a CSV Blob. */
export async function readExport(
  response: Response,
  onProgress: (progress: ExportProgress) => void,
  intervalMs = 100,
): Promise<{ blob: Blob; rows: number }> {
  const { total, totalIsEstimate } = announcedRows(response.headers);
  const counter = createCsvRecordCounter();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  onProgress({ rows: 0, total, totalIsEstimate });
  if (!response.body) throw new Error("The export returned no data. Try again.");
  const reader = response.body.getReader();
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
    counter.push(value);
    const now = Date.now();
    if (now - last >= intervalMs) {
      last = now;
      onProgress({ rows: counter.rows(), total, totalIsEstimate });
    }
  }
  const rows = counter.rows(true);
  onProgress({ rows, total: rows, totalIsEstimate: false });
  return { blob: new Blob(parts, { type: "text/csv;charset=utf-8" }), rows };
}
