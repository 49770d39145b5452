"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { exportFilename, readExport, type ExportProgress } from "./export-stream";

export type ExportState =
  | { phase: "idle" }
  | { phase: "running"; progress: ExportProgress }
  | { phase: "done"; rows: number; filename: string }
  | { phase: "cancelled" }
  | { phase: "error"; message: string };

/**
 * Downloads GET /api/export?<query> with progress and cancel. The body is read here (not by a plain link) to
 * count rows as they arrive; the finished file is handed to the browser as an ordinary download.
 */
export function useExport() {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (query: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ phase: "running", progress: { rows: 0, total: null, totalIsEstimate: false } });
    try {
      const response = await fetch(`/api/export?${query}`, { signal: current.signal, cache: "no-store" });
      if (!response.ok) throw new Error(await failureMessage(response));
      const filename = exportFilename(response.headers.get("content-disposition"), new Date());
      const { blob, rows } = await readExport(response, (progress) => setState({ phase: "running", progress }));
      saveFile(blob, filename);
      setState({ phase: "done", rows, filename });
    } catch (error) {
      if (current.signal.aborted) setState({ phase: "cancelled" });
      else if (error instanceof TypeError) setState({ phase: "error", message: "The export was interrupted: the server could not be reached. Try again." });
      else setState({ phase: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, cancel, dismiss };
}

async function failureMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" && message ? message : `The export failed (HTTP ${response.status}). Try again.`;
}

/** An `<a download>` click on an object URL: the browser saves the file as it saves any download. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
