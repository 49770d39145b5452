const QUOTE = 34;
const COMMA = 44;

/**
 * The fields of one record's text (`text` from `start` to `end`, its line break excluded). Without a quote in it the
 * record is cut at its commas by the engine's own split. With one: a quote at a field's start opens a quoted field,
 * which may hold commas and line breaks and ends at the next quote; a quote right after that closing one is an
 * escaped quote (`""`); text after a closing quote joins the field; a quote anywhere else is kept as text, like
 * common CSV readers do.
 */
export function splitRecordText(text: string, start: number, end: number, quoted: boolean): string[] {
  if (!quoted) return text.slice(start, end).split(",");
  const fields: string[] = [];
  let field = "";
  let seg = start;
  let fieldStart = start;
  let closedAt = -1;
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === QUOTE) {
        field += text.slice(seg, i);
        inQuote = false;
        closedAt = seg = i + 1;
      }
    } else if (c === COMMA) {
      fields.push(field + text.slice(seg, i));
      field = "";
      seg = fieldStart = i + 1;
    } else if (c === QUOTE && (i === closedAt || i === fieldStart)) {
      // An escaped quote keeps one quote character; an opening quote none.
      if (i === closedAt) field += '"';
      inQuote = true;
      seg = i + 1;
    }
  }
  fields.push(field + text.slice(seg, end));
  return fields;
}
