import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page under app/(app) loads data for a signed-in person, and a client-side navigation (`RSC: 1`) can
// render a page without its layout, so each page's own server component (or the data loader it calls) must
// await the shared guard (lib/auth/page-session.ts) before it reads anything. This walks the folder at test
// time: a page added later without the guard fails here. The guard's behaviour: session-revocation.test.ts.
// Pages outside (app) are swept too; only sign-in is public, and /dashboard alone may also admit a dashboard
// token (requirePageUserOrDashboardToken; its behaviour: tests/dashboard/dashboard-page-access.db.test.ts).

const appDir = path.resolve(__dirname, "../../app");
const PUBLIC_PAGES = new Set(["sign-in/page.tsx"]);
const TOKEN_PAGES = new Set(["dashboard/page.tsx"]);

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return pages(full);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry) ? [full] : [];
  });
}

const found = pages(appDir)
  .map((file) => [path.relative(appDir, file).split(path.sep).join("/"), readFileSync(file, "utf8")] as const)
  .filter(([file]) => !PUBLIC_PAGES.has(file));

describe("page guard sweep", () => {
  it("finds the pages", () => {
    expect(found.map(([file]) => file)).toEqual(
      expect.arrayContaining(["(app)/page.tsx", "(app)/reports/page.tsx", "(app)/reports/[id]/page.tsx", "(app)/queue/page.tsx", "dashboard/page.tsx"]),
    );
  });

  it.each(found)("app/%s awaits its page guard", (file, source) => {
    const guards = TOKEN_PAGES.has(file) ? "requirePageUserOrDashboardToken" : "requirePage(?:User|Admin)";
    expect(source).toMatch(new RegExp(`import\\s*\\{[^}]*\\b${guards}\\b[^}]*\\}\\s*from\\s*"@/lib/auth/page-session"`));
    // In the default export or in the data loader it calls (a static check: the call must be awaited there).
    expect(source).toMatch(/export\s+default\s+async\s+function\b/);
    expect(source).toMatch(new RegExp(`await\\s+${guards}\\(${TOKEN_PAGES.has(file) ? "" : "\\)"}`));
  });
});
