import { createParser, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { DEFAULT_SORT, DURATIONS, HIDDEN_OPTIONS, PER_PAGE_DEFAULT, PER_PAGE_MAX, YES_NO } from "@/lib/catalog/contract";
import { isValidSort } from "./catalog-sort";

// The catalog's URL state: one parser per query parameter, named exactly as GET /api/videos names them, so the
// page's address is also the API query (shareable, and the back button restores a view). Imported from
// "nuqs/server" because this file is shared: the hook uses it in the browser, tests use it in Node.

export const PER_PAGE_OPTIONS = [20, 50, 100] as const;

/** The API's own limit (lib/catalog/parse-catalog-query.ts); a larger page in a URL falls back to page 1. */
const PAGE_MAX = 1_000_000;

const text = parseAsString.withDefault("");
const yesNo = parseAsStringLiteral(YES_NO);

const sortParser = createParser({
  parse: (value: string) => (isValidSort(value) ? value : null),
  serialize: (value: string) => value,
});

const positiveInt = (max: number) =>
  createParser({
    // Digits only, as the API accepts them ("2.5" or "3abc" would be a 400 there).
    parse: (value: string) => {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : 0;
      return n >= 1 && n <= max ? n : null;
    },
    serialize: (value: number) => String(value),
  });

export const catalogParsers = {
  search: text,
  channel_search: text,
  video_id: text,
  asset_id: text,
  custom_id: text,
  has_asset_id: yesNo,
  category: text,
  duration: parseAsStringLiteral(DURATIONS),
  policy: text,
  claimed_status: text,
  is_short: yesNo,
  genre: text,
  has_upc: yesNo,
  has_isrc: yesNo,
  label: text,
  updated_since: text,
  hidden: parseAsStringLiteral(HIDDEN_OPTIONS).withDefault("no"),
  sort: sortParser.withDefault(DEFAULT_SORT),
  // A page past the last one is answered with an empty page (the table offers the way back).
  page: positiveInt(PAGE_MAX).withDefault(1),
  per_page: positiveInt(PER_PAGE_MAX).withDefault(PER_PAGE_DEFAULT),
};

export type CatalogUrlState = inferParserType<typeof catalogParsers>;
