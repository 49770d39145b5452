"use client";
import { useId, useState, type DragEvent } from "react";
import { apiJson, requestImport } from "./api";
import { putWithProgress } from "./put-with-progress";
import { UploadItem, type UploadState } from "./upload-item";

type Props = { excludeShorts: boolean; onUploaded: () => void; onImported: () => void };

export function UploadReports({ excludeShorts, onUploaded, onImported }: Props) {
  const inputId = useId();
  const [items, setItems] = useState<UploadState[]>([]);
  const [dragging, setDragging] = useState(false);

  const patch = (id: string, change: Partial<UploadState>) =>
    setItems((prev) => prev.map((item) => (item.id === id ? { ...item, ...change } : item)));

  async function upload(file: File) {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setItems((prev) => [...prev, { id, name: file.name, size: file.size, loaded: 0, phase: "signing" }]);
    try {
      // The server decides the key and refuses odd names, taken names and oversized files before any bytes are sent.
      const { key, url, headers } = await apiJson<{ key: string; url: string; headers: Record<string, string> }>("/api/reports/upload-url", {
        method: "POST",
        body: JSON.stringify({ filename: file.name, size: file.size }),
      });
      patch(id, { key, phase: "uploading" });
      await putWithProgress(url, file, headers, (loaded) => patch(id, { loaded })).promise;
      patch(id, { loaded: file.size, phase: "uploaded" });
      onUploaded();
    } catch (e) {
      patch(id, { phase: "error", error: e instanceof Error ? e.message : String(e) });
    }
  }

  async function importNow(item: UploadState) {
    if (!item.key) return;
    patch(item.id, { phase: "importing", error: undefined });
    try {
      const result = await requestImport([item.key], excludeShorts);
      patch(item.id, { phase: "imported", reportId: result.report_ids[0] });
      onImported();
    } catch (e) {
      patch(item.id, { phase: "uploaded", error: e instanceof Error ? e.message : String(e) });
    }
  }

  function addFiles(list: FileList | null) {
    for (const file of Array.from(list ?? [])) void upload(file);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    addFiles(e.dataTransfer.files);
  }

  return (
    <div className="space-y-2">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          // Moving over a child fires dragleave too; only a real exit ends the highlight.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        className={`flex flex-wrap items-center gap-3 rounded-lg border-2 border-dashed px-4 py-4 text-sm ${dragging ? "border-blue-600 bg-blue-50" : "border-gray-300 bg-gray-50"}`}
      >
        {/* A real file input (visually hidden) behind a visible label keeps it keyboard- and screen-reader-operable. */}
        <input
          id={inputId}
          type="file"
          accept=".csv,.gz"
          multiple
          className="peer sr-only"
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = ""; // so choosing the same file again is noticed (and refused: the name is taken)
          }}
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-700 shadow-sm hover:bg-gray-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600"
        >
          Upload reports…
        </label>
        <span className="text-gray-600">or drop .csv / .csv.gz files here. Files go straight to the bucket under reports/.</span>
      </div>
      {items.length > 0 && (
        <ul aria-label="Uploads" className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white px-4">
          {items.map((item) => (
            <UploadItem key={item.id} item={item} onImport={importNow} onRemove={(id) => setItems((prev) => prev.filter((i) => i.id !== id))} />
          ))}
        </ul>
      )}
    </div>
  );
}
