import { readFileSync } from "node:fs";
import path from "node:path";

// About 10,000 of the passwords people pick most often, lowercased, one per line in common-passwords.txt: the
// classic published top lists (123456, password, qwerty, letmein, iloveyou …), common first names, teams, words and
// keyboard walks, then the same words with the suffixes and substitutions people add (1, 123, !, years, p@ssw0rd).
// Built for this project, not copied from a leak; lib/auth/password.ts also refuses these words with digits or
// symbols around them, repeats and sequences. Data, so it lives in a text file (next.config.ts traces it into
// deployments); it is read once, on the first password that is checked.
const LIST_FILE = path.join(process.cwd(), "lib/auth/common-passwords.txt");

let list: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(readFileSync(LIST_FILE, "utf8").split("\n").filter(Boolean));
  return list;
}
