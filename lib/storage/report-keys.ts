import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasControlCharacters } from "@/lib/http/parse";

const ALLOWED = /\.(csv|csv\.gz|gz|txt)$/i;

/**
 * The bucket key for a file a person uploads: always directly under the reports prefix. Names with path
 * separators, `..`, control characters or an unexpected extension are refused instead of being rewritten, so
 * nobody is surprised by where a file went.
 */
export function reportKeyForFilename(filename: string): string {
  const name = filename.trim();
  if (hasControlCharacters(filename)) {
    throw new AppError("bad_request", "The file name contains control characters (a NUL, tab or line break); rename the file and try again.");
  }
  if (!name || name.includes("/") || name.includes("\\") || name.includes("..")) {
    throw new AppError("bad_request", `"${filename}" is not a plain file name; remove folders and ".." and try again.`);
  }
  if (!ALLOWED.test(name)) {
    throw new AppError("bad_request", `"${filename}" is not a report file; upload a .csv or .csv.gz file.`);
  }
  return `${getEnv().REPORTS_PREFIX}${name}`;
}
