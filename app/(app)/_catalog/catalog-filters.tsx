"use client";
import { useState, type Ref } from "react";
import type { FilterParam } from "@/lib/catalog/contract";
import { Button } from "@/app/_components/button";
import type { CatalogUrlState } from "./catalog-params";
import { ChoiceFilter } from "./choice-filter";
import { DebouncedField } from "./debounced-field";

const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const DURATION_OPTIONS = [
  { value: "short", label: "Short (< 4 min)" },
  { value: "medium", label: "Medium (4–20 min)" },
  { value: "long", label: "Long (> 20 min)" },
];
const HIDDEN_OPTIONS = [
  { value: "no", label: "Visible only" },
  { value: "yes", label: "Hidden only" },
  { value: "all", label: "Visible and hidden" },
];

/** Filters behind "More filters"; the disclosure opens by itself when one of them is set. */
const MORE: FilterParam[] = [
  "video_id", "custom_id", "policy", "claimed_status", "genre", "label", "category",
  "has_asset_id", "is_short", "duration", "has_upc", "has_isrc", "updated_since", "hidden",
];

type Props = {
  state: CatalogUrlState;
  active: readonly FilterParam[];
  onFilter: (key: FilterParam, value: string | null) => void;
  onClear: () => void;
  searchRef: Ref<HTMLInputElement>;
};

export function CatalogFilters({ state, active, onFilter, onClear, searchRef }: Props) {
  const moreActive = active.filter((key) => MORE.includes(key)).length;
  const [open, setOpen] = useState(moreActive > 0);
  const text = (key: FilterParam, label: string, extra: { placeholder?: string; mono?: boolean } = {}) => (
    <DebouncedField label={label} value={(state[key] as string | null) ?? ""} onCommit={(v) => onFilter(key, v)} {...extra} />
  );
  const choice = (key: FilterParam, label: string, options: typeof YES_NO_OPTIONS) => (
    <ChoiceFilter label={label} value={state[key] as string | null} options={options} onChange={(v) => onFilter(key, v)} />
  );

  return (
    <section aria-label="Filters" className="space-y-3 rounded-lg border border-gray-200 bg-white p-3">
      <div role="search" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1.2fr_1.2fr_auto]">
        <DebouncedField
          label="Search titles"
          type="search"
          value={state.search}
          onCommit={(v) => onFilter("search", v)}
          placeholder="Words from the title"
          inputRef={searchRef}
        />
        {text("channel_search", "Channel", { placeholder: "Channel name" })}
        {text("asset_id", "Asset ID", { placeholder: "A123…", mono: true })}
        <div className="flex items-center gap-2">
          <Button variant="secondary" aria-expanded={open} aria-controls="catalog-more-filters" onClick={() => setOpen(!open)}>
            {open ? "Fewer filters" : "More filters"}
            {moreActive > 0 && <span className="rounded-full bg-gray-900 px-1.5 text-xs text-white">{moreActive}</span>}
          </Button>
          <Button variant="ghost" onClick={onClear} disabled={active.length === 0}>
            Clear filters
          </Button>
        </div>
      </div>
      <div id="catalog-more-filters" hidden={!open} className="grid grid-cols-2 gap-3 border-t border-gray-100 pt-3 sm:grid-cols-4 lg:grid-cols-7">
        {text("video_id", "Video ID", { mono: true })}
        {text("custom_id", "Custom ID", { mono: true })}
        {text("policy", "Policy", { placeholder: "e.g. Monetize" })}
        {text("claimed_status", "Claimed status", { placeholder: "e.g. claimed" })}
        {text("genre", "Genre")}
        {text("label", "Label")}
        {text("category", "Category")}
        {/* Not "Has asset ID": that label would also match a search for the "Asset ID" field. */}
        {choice("has_asset_id", "Asset assigned", YES_NO_OPTIONS)}
        {choice("is_short", "Short", YES_NO_OPTIONS)}
        {choice("duration", "Duration", DURATION_OPTIONS)}
        {choice("has_upc", "Has UPC", YES_NO_OPTIONS)}
        {choice("has_isrc", "Has ISRC", YES_NO_OPTIONS)}
        <UpdatedSince value={state.updated_since} onChange={(v) => onFilter("updated_since", v)} />
        <ChoiceFilter label="Hidden videos" value={state.hidden} options={HIDDEN_OPTIONS} anyLabel={null} onChange={(v) => onFilter("hidden", v === "no" ? null : v)} />
      </div>
    </section>
  );
}

function UpdatedSince({ value, onChange }: { value: string; onChange: (value: string | null) => void }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor="catalog-updated-since" className="block text-xs font-medium text-gray-700">
        Updated since
      </label>
      <input
        id="catalog-updated-since"
        type="date"
        // A date-time from a shared link still shows its day; picking a day sends just the day. Anything else
        // (a hand-edited link) shows empty here, and the API's message says what is wrong with it.
        value={/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : ""}
        onChange={(e) => onChange(e.target.value || null)}
        className="block w-full rounded-md border border-gray-300 bg-white px-2.5 py-1 text-sm text-gray-900 focus:border-gray-900 focus:outline-none focus:ring-1 focus:ring-gray-900"
      />
    </div>
  );
}
