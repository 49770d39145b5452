import { z } from "zod";

// The fields a person may edit on a video (F11) and their limits. Pure: the edit form shows the same limits.

export const EDITABLE_FIELDS = ["title", "notes", "custom_id", "asset_id", "artist", "genre", "label", "category"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const EDIT_LIMITS = { title: 200, notes: 10_000, custom_id: 200, asset_id: 64, label: 200, category: 100, listItem: 200, listItems: 20 };

const CONTROL = /[\u0000-\u001f\u007f]/;
// Notes are multi-line: tab and line breaks are text there.
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Trimmed text; "" (an emptied form field) and null clear the value. */
function text(max: number, control = CONTROL) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !control.test(v), "must not contain control characters")
    .transform((v) => (v === "" ? null : v))
    .nullable();
}

/** A list (artists, genres): an array of names or one name; [] and null clear it. */
function list() {
  const item = z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(EDIT_LIMITS.listItem, `must be at most ${EDIT_LIMITS.listItem} characters`)
    .refine((v) => !CONTROL.test(v), "must not contain control characters");
  return z
    .union([item.transform((v) => [v]), z.array(item).max(EDIT_LIMITS.listItems, `must hold at most ${EDIT_LIMITS.listItems} names`)])
    .transform((names) => (names.length === 0 ? null : [...new Set(names)]))
    .nullable();
}

export const videoEditSchema = z
  .object({
    title: text(EDIT_LIMITS.title).optional(),
    notes: text(EDIT_LIMITS.notes, CONTROL_EXCEPT_LINES).optional(),
    custom_id: text(EDIT_LIMITS.custom_id).optional(),
    asset_id: text(EDIT_LIMITS.asset_id)
      .refine((v) => v === null || /^[A-Za-z0-9_-]+$/.test(v), "must be a Content ID asset id (letters, digits, \"_\" or \"-\")")
      .optional(),
    artist: list().optional(),
    genre: list().optional(),
    label: text(EDIT_LIMITS.label).optional(),
    category: text(EDIT_LIMITS.category).optional(),
  })
  .strict();

export type VideoEdit = z.infer<typeof videoEditSchema>;

export const videoFlagsSchema = z.object({ hidden: z.boolean().optional(), administered: z.boolean().optional() }).strict();
export type VideoFlags = z.infer<typeof videoFlagsSchema>;

/** The edit form sends lists as one text field: names separated by semicolons. */
export function splitList(value: string): string[] {
  return value.split(";").map((v) => v.trim()).filter(Boolean);
}
