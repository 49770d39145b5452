"use client";

type Props = {
  count: number;
  busy: boolean;
  excludeShorts: boolean;
  onExcludeShortsChange: (value: boolean) => void;
  onImport: () => void;
  onClear: () => void;
};

export function ImportSelectedBar({ count, busy, excludeShorts, onExcludeShortsChange, onImport, onClear }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-gray-700">
        <input
          type="checkbox"
          checked={excludeShorts}
          onChange={(e) => onExcludeShortsChange(e.target.checked)}
          className="size-4 rounded border-gray-300 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        />
        Exclude Shorts
      </label>
      {count > 0 && (
        <button
          type="button"
          onClick={onClear}
          className="rounded-md px-2 py-1.5 text-sm text-gray-600 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Clear selection
        </button>
      )}
      <button
        type="button"
        onClick={onImport}
        disabled={count === 0 || busy}
        className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {busy ? "Starting import…" : `Import selected (${count})`}
      </button>
    </div>
  );
}
