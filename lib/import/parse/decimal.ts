// Money stays text from file to database: revenue has up to 12+ decimals and totals must tie out to the file,
// which floats cannot promise. Validation only; the database column is numeric.

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A plain decimal kept digit for digit ("-0.000021676471"), null when empty; throws the reason when invalid. */
export function parseDecimal(raw: string): string | null {
  const value = raw.trim();
  if (value === "") return null;
  if (!DECIMAL.test(value)) throw new Error("must be a plain decimal number such as 12.5 or -0.000021676471");
  return value;
}

/** Exact sum of decimal strings (for tests and checks), via scaled BigInt. */
export function addDecimals(values: Iterable<string | null | undefined>): string {
  let scale = 0;
  const list: string[] = [];
  for (const v of values) {
    if (v == null || v === "") continue;
    list.push(v);
    scale = Math.max(scale, (v.split(".")[1] ?? "").length);
  }
  let total = 0n;
  for (const v of list) {
    const negative = v.startsWith("-");
    const [whole, frac = ""] = v.replace(/^-/, "").split(".");
    const scaled = BigInt(whole + frac.padEnd(scale, "0"));
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = scale ? digits.slice(digits.length - scale).replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}
