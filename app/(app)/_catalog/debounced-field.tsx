"use client";
import { useEffect, useId, useRef, useState, type Ref } from "react";
import { inputClasses } from "@/app/_components/field";

const DELAY_MS = 350;

type Props = {
  label: string;
  /** The value in the URL. */
  value: string;
  onCommit: (value: string) => void;
  type?: "search" | "text";
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  mono?: boolean;
};

/**
 * A text filter that applies itself once typing pauses (or at once on Enter; Escape clears it). It follows
 * the URL when that changes from elsewhere (back button, "Clear filters") without eating keystrokes typed
 * while its own change was on the way.
 */
export function DebouncedField({ label, value, onCommit, type = "text", placeholder, inputRef, mono }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Adjusting state while rendering (React's pattern for "reset when a prop changes").
  if (value !== seen) {
    setSeen(value);
    if (value !== committed.current) {
      committed.current = value;
      clearTimeout(timer.current);
      setDraft(value);
    }
  }

  function commit(next: string) {
    clearTimeout(timer.current);
    if (next.trim() === committed.current.trim()) return;
    committed.current = next.trim();
    onCommit(next.trim());
  }

  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type={type}
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DELAY_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(draft);
          if (e.key === "Escape" && draft) {
            e.preventDefault();
            setDraft("");
            commit("");
          }
        }}
        className={`${inputClasses} py-1.5 ${mono ? "font-mono" : ""}`}
      />
    </div>
  );
}
