"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { CatalogColumn } from "@/lib/catalog/contract";
import { COLUMN_PREFS_KEY, parseColumnPrefs, serializeColumnPrefs } from "./column-prefs";

// localStorage as an external store: the server (and hydration) render the default columns, the browser then
// switches to the remembered ones without a mismatch, and other tabs follow changes through "storage" events.

const LOCAL_EVENT = "catalog-columns-change";

function subscribe(onChange: () => void) {
  const onStorage = (e: StorageEvent) => {
    if (e.key === COLUMN_PREFS_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(LOCAL_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(LOCAL_EVENT, onChange);
  };
}

/** What this tab chose when storage refused to save it (privacy mode, full quota). */
let unsaved: string | null | undefined;

function readStored(): string | null {
  if (unsaved !== undefined) return unsaved;
  try {
    return window.localStorage.getItem(COLUMN_PREFS_KEY);
  } catch {
    return null; // storage disabled (privacy mode): the defaults apply
  }
}

export function useColumnPrefs() {
  const raw = useSyncExternalStore(subscribe, readStored, () => null);
  const visible = useMemo(() => parseColumnPrefs(raw), [raw]);

  const setVisible = useCallback((columns: readonly CatalogColumn[] | null) => {
    const value = columns ? serializeColumnPrefs(columns) : null;
    try {
      if (value) window.localStorage.setItem(COLUMN_PREFS_KEY, value);
      else window.localStorage.removeItem(COLUMN_PREFS_KEY);
      unsaved = undefined;
    } catch {
      unsaved = value; // not remembered across visits, but applied on this page
    }
    window.dispatchEvent(new Event(LOCAL_EVENT));
  }, []);

  return { visible, setVisible };
}
