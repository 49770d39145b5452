import type { FieldChanges } from "@/lib/db/schema";

/** Proposes "no value": the API positively says there is none (e.g. no other owner claims the video any more). */
export const CLEAR: unique symbol = Symbol("clear");

/** Column name (as in the table and in audit records) → the value an API answer proposes for it, or CLEAR. */
export type Proposed = Record<string, unknown>;

/** A value that says nothing: an API that omits a field, or sends "" or [], never clears what we know. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Equal as stored: Dates compare by instant, arrays by their items in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changes an answer makes to a row: `{column: [old, new]}` for each proposed column whose value differs.
 * Empty proposals are skipped (the API did not say); CLEAR empties a column that has a value. `keepNonEmpty(column)` protects a value we already have:
 * asset metadata only fills gaps unless the request says force_refresh, because a non-empty value came from a
 * report or from a person's edit.
 */
export function diffFields(current: Record<string, unknown>, proposed: Proposed, keepNonEmpty: (column: string) => boolean): FieldChanges {
  const changes: FieldChanges = {};
  for (const [column, proposal] of Object.entries(proposed)) {
    const previous = current[column] ?? null;
    if (proposal === CLEAR) {
      if (!isEmptyValue(previous)) changes[column] = [previous, null];
      continue;
    }
    const next = proposal;
    if (isEmptyValue(next)) continue;
    if (keepNonEmpty(column) && !isEmptyValue(previous)) continue;
    if (sameValue(previous, next)) continue;
    changes[column] = [previous, next];
  }
  return changes;
}

export const hasChanges = (changes: FieldChanges) => Object.keys(changes).length > 0;
