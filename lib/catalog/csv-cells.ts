// CSV cells of the export (F12), RFC 4180: a cell with a quote, comma or line break is quoted, quotes doubled.
// A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
// gets a leading apostrophe, the usual way to make it plain text (OWASP "CSV injection"). Numbers and
// booleans are written as they are; lists are joined with "; ".

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = Array.isArray(value) ? value.join("; ") : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  const line = values.map(csvCell).join(",");
  // A one-column row with an empty cell would be an empty line, which CSV readers skip: quote it.
  return `${line === "" ? '""' : line}\r\n`;
}
