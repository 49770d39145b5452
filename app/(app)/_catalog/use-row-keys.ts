"use client";
import { useRef, useState, type KeyboardEvent } from "react";

const PAGE_STEP = 10;

/**
 * Roving tabindex over the table's rows: the table is one tab stop, ↑/↓ (Home/End, PageUp/PageDown) move
 * between rows and Enter opens the focused one. `dataKey` names the rows shown; new rows start at the top.
 */
export function useRowKeys(count: number, dataKey: string, onOpen: (index: number, newTab: boolean) => void) {
  const [active, setActive] = useState({ key: dataKey, index: 0 });
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const current = active.key === dataKey ? Math.min(active.index, Math.max(0, count - 1)) : 0;

  function focusRow(index: number) {
    const next = Math.min(Math.max(index, 0), count - 1);
    setActive({ key: dataKey, index: next });
    rows.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    // Keys pressed on a link or button inside the row belong to that control.
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
      PageDown: index + PAGE_STEP,
      PageUp: index - PAGE_STEP,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === "Enter") {
      event.preventDefault();
      onOpen(index, event.metaKey || event.ctrlKey);
    }
  }

  return (index: number) => ({
    ref: (element: HTMLTableRowElement | null) => {
      rows.current[index] = element;
    },
    tabIndex: index === current ? 0 : -1,
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(event, index),
    onFocus: () => setActive({ key: dataKey, index }),
  });
}
