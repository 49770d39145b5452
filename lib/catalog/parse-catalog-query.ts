import { z } from "zod";
import { parseQuery } from "@/lib/http/parse";
import {
  CATALOG_COLUMNS, DEFAULT_SORT, DURATIONS, HIDDEN_OPTIONS, PER_PAGE_DEFAULT, PER_PAGE_MAX, SORT_DIRECTIONS, SORT_FIELDS, YES_NO,
  type CatalogColumn, type SortDirection, type SortField,
} from "./contract";

// GET /api/videos and GET /api/export share these parameters (contract.ts). Every message names the allowed
// values; parseQuery puts the parameter's name in front of it and refuses control characters. An empty value
// (an untouched form field) means "not set"; unknown parameters are ignored.

const PAGE_MAX = 1_000_000;
const TEXT_MAX = 200;

const unsetIfBlank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const text = () =>
  z.preprocess(unsetIfBlank, z.string().trim().max(TEXT_MAX, { error: `must be at most ${TEXT_MAX} characters` }).optional());

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(unsetIfBlank, z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional());

const wholeNumber = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfBlank,
    z.string().regex(/^\d{1,9}$/, { error: message }).transform(Number)
      .pipe(z.number().min(min, { error: message }).max(max, { error: message }))
      .default(fallback),
  );
};

export type CatalogSort = { field: SortField; direction: SortDirection };

const sortForm = "write it as <field>:asc or <field>:desc, e.g. views:desc";
const sort = z.preprocess(
  unsetIfBlank,
  z.string().default(DEFAULT_SORT).transform((value, ctx): CatalogSort => {
    const [field, direction, ...rest] = value.trim().split(":");
    if (!(SORT_FIELDS as readonly string[]).includes(field)) {
      ctx.addIssue({ code: "custom", message: `field "${field}" is not one of ${SORT_FIELDS.join(", ")}; ${sortForm}` });
    } else if (!(SORT_DIRECTIONS as readonly string[]).includes(direction ?? "") || rest.length > 0) {
      ctx.addIssue({ code: "custom", message: `direction "${[direction, ...rest].join(":")}" is not asc or desc; ${sortForm}` });
    }
    return { field: field as SortField, direction: direction as SortDirection };
  }),
);

// A date alone is midnight UTC; a date-time without an offset is read as UTC too, so a link means the same
// moment wherever it is opened.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const updatedSince = z.preprocess(
  unsetIfBlank,
  z.string().trim().transform((value, ctx) => {
    const match = ISO_DATE_TIME.exec(value);
    const iso = match && (match[4] === undefined ? `${value}T00:00:00Z` : match[7] ? value : `${value}Z`);
    const date = iso ? new Date(iso) : new Date(NaN);
    const [, y, m, d] = match ?? [];
    const sameDay = match && !match[7] ? date.getUTCFullYear() === Number(y) && date.getUTCMonth() + 1 === Number(m) && date.getUTCDate() === Number(d) : true;
    if (Number.isNaN(date.getTime()) || !sameDay) {
      ctx.addIssue({ code: "custom", message: "must be an ISO date (2025-05-31) or date-time (2025-05-31T14:00:00Z)" });
      return z.NEVER;
    }
    return date;
  }).optional(),
);

const columnKeys = CATALOG_COLUMNS.map((c) => c.key) as CatalogColumn[];
const columns = z.preprocess(
  unsetIfBlank,
  z.string().transform((value, ctx): CatalogColumn[] => {
    const asked = value.split(",").map((c) => c.trim()).filter(Boolean);
    const unknown = asked.filter((c) => !(columnKeys as string[]).includes(c));
    if (unknown.length > 0 || asked.length === 0) {
      ctx.addIssue({ code: "custom", message: `has unknown column ${unknown.join(", ") || "(none)"}; use a comma-separated list of ${columnKeys.join(", ")}` });
    }
    return [...new Set(asked)] as CatalogColumn[];
  }).default(columnKeys),
);

export const catalogFiltersSchema = z.object({
  search: text(),
  channel_search: text(),
  video_id: text(),
  asset_id: text(),
  custom_id: text(),
  has_asset_id: choice(YES_NO),
  category: text(),
  duration: choice(DURATIONS),
  policy: text(),
  claimed_status: text(),
  is_short: choice(YES_NO),
  genre: text(),
  has_upc: choice(YES_NO),
  has_isrc: choice(YES_NO),
  label: text(),
  updated_since: updatedSince,
  hidden: z.preprocess(unsetIfBlank, z.enum(HIDDEN_OPTIONS, { error: `must be one of ${HIDDEN_OPTIONS.join(", ")}` }).default("no")),
  sort,
});

export const catalogQuerySchema = catalogFiltersSchema.extend({
  page: wholeNumber(1, PAGE_MAX, 1),
  per_page: wholeNumber(1, PER_PAGE_MAX, PER_PAGE_DEFAULT),
});

export const exportQuerySchema = catalogFiltersSchema.extend({ columns });

export type CatalogFilters = z.infer<typeof catalogFiltersSchema>;
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The query of GET /api/videos; a bad parameter is a 400 naming it and its allowed values. */
export function parseCatalogQuery(request: Request): CatalogQuery {
  return parseQuery(request, catalogQuerySchema);
}

/** The query of GET /api/export: the same filters and sort, no paging, and the columns to write. */
export function parseExportQuery(request: Request): ExportQuery {
  return parseQuery(request, exportQuerySchema);
}
