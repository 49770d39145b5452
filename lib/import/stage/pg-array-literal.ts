/**
 * Serialises values as a PostgreSQL array literal (`{"a",NULL,"b"}`). Passing one text parameter per column and
 * casting it in SQL behaves the same on PGlite, node-postgres and Neon, whatever each driver does with JS arrays.
 */
export function toPgArrayLiteral(values: ReadonlyArray<unknown>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const value = values[i];
    if (value === null || value === undefined) {
      out += "NULL";
    } else {
      const text = typeof value === "string" ? value : Array.isArray(value) ? JSON.stringify(value) : String(value);
      out += '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
    }
  }
  return out + "}";
}
