import { createParser, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { DEFAULT_SORT, PER_PAGE_DEFAULT, PER_PAGE_MAX } from "@/lib/catalog/contract";
import { isValidSort } from "./catalog-sort";

// The catalog's URL state: one parser per query parameter, named exactly as GET /api/videos names them, so the
// page's address is also the API query (shareable, and the back button restores a view). Imported from
// "nuqs/server" because this file is shared: the hook uses it in the browser, tests use it in Node.

export const YES_NO = ["yes", "no"] as const;
export const DURATIONS = ["short", "medium", "long"] as const;
export const HIDDEN_MODES = ["no", "yes", "all"] as const;
export const PER_PAGE_OPTIONS = [20, 50, 100] as const;

const text = parseAsString.withDefault("");
const yesNo = parseAsStringLiteral(YES_NO);

const sortParser = createParser({
  parse: (value: string) => (isValidSort(value) ? value : null),
  serialize: (value: string) => value,
});

const positiveInt = (max: number) =>
  createParser({
    parse: (value: string) => {
      const n = parseAsInteger.parse(value);
      return n !== null && n >= 1 && n <= max ? n : null;
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
  hidden: parseAsStringLiteral(HIDDEN_MODES).withDefault("no"),
  sort: sortParser.withDefault(DEFAULT_SORT),
  // Page numbers beyond the last page are the server's to clamp; here only nonsense is dropped.
  page: positiveInt(1_000_000_000).withDefault(1),
  per_page: positiveInt(PER_PAGE_MAX).withDefault(PER_PAGE_DEFAULT),
};

export type CatalogUrlState = inferParserType<typeof catalogParsers>;
