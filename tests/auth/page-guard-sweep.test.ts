import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page under app/(app) loads data for a signed-in person, and a client-side navigation (`RSC: 1`) can
// render a page without its layout, so each page's own server component (or the data loader it calls) must
// await the shared guard (lib/auth/page-session.ts) before it reads anything. This walks the folder at test
// time: a page added later without the guard fails here. The guard's behaviour: session-revocation.test.ts.

const appGroup = path.resolve(__dirname, "../../app/(app)");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return pages(full);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry) ? [full] : [];
  });
}

const found = pages(appGroup).map((file) => [path.relative(appGroup, file), readFileSync(file, "utf8")] as const);

describe("page guard sweep", () => {
  it("finds the pages", () => {
    expect(found.map(([file]) => file)).toEqual(expect.arrayContaining(["page.tsx", "reports/page.tsx", "reports/[id]/page.tsx", "queue/page.tsx"]));
  });

  it.each(found)("app/(app)/%s awaits requirePageUser() or requirePageAdmin()", (_file, source) => {
    expect(source).toMatch(/import\s*\{[^}]*\brequirePage(User|Admin)\b[^}]*\}\s*from\s*"@\/lib\/auth\/page-session"/);
    // In the default export or in the data loader it calls (a static check: the call must be awaited there).
    expect(source).toMatch(/export\s+default\s+async\s+function\b/);
    expect(source).toMatch(/await\s+requirePage(User|Admin)\(\)/);
  });
});
