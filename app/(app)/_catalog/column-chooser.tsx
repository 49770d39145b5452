"use client";
import { useEffect, useRef, useState } from "react";
import { CATALOG_COLUMNS, type CatalogColumn } from "@/lib/catalog/contract";
import { Button, buttonClasses } from "@/app/_components/button";
import { columnHeader } from "./catalog-columns";
import { toggleColumn } from "./column-prefs";

/** "Columns" menu: a checkbox per column, remembered in this browser; Escape or a click outside closes it. */
export function ColumnChooser({ visible, onChange }: { visible: readonly CatalogColumn[]; onChange: (columns: CatalogColumn[] | null) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const shown = new Set(visible);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className={buttonClasses("secondary")}
        aria-expanded={open}
        aria-controls="catalog-columns-menu"
        onClick={() => setOpen(!open)}
      >
        Columns <span className="text-xs text-gray-500">({visible.length})</span>
      </button>
      {open && (
        <fieldset
          id="catalog-columns-menu"
          className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-gray-200 bg-white p-3 shadow-lg"
        >
          <legend className="sr-only">Visible columns</legend>
          <div className="grid max-h-80 grid-cols-1 gap-0.5 overflow-y-auto">
            {CATALOG_COLUMNS.map(({ key }) => (
              <label key={key} className="flex items-center gap-2 rounded px-1.5 py-1 text-sm text-gray-800 hover:bg-gray-50">
                <input
                  type="checkbox"
                  checked={shown.has(key)}
                  // The last visible column stays: a table without columns helps nobody.
                  disabled={shown.has(key) && shown.size === 1}
                  onChange={(e) => onChange(toggleColumn(visible, key, e.target.checked))}
                  className="size-4 rounded border-gray-300"
                />
                {columnHeader(key)}
              </label>
            ))}
          </div>
          <div className="mt-2 flex justify-between border-t border-gray-100 pt-2">
            <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
              Reset to default
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
              Done
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
