import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

// The Playwright steps of the browser tests, written the way a person uses the pages: by labels and button names.

/** Debian's Chromium (`npm test` installs it, see scripts/test-prerequisites.mjs), or the one CHROMIUM_PATH names. */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(executable)) {
    throw new Error(`No Chromium at ${executable}. Run the tests with \`npm test\` (it installs Debian's chromium as root), or: apt-get install -y chromium procps`);
  }
  return executable;
}

/**
 * Headless Chromium as this machine needs it: Playwright's own browser download is not reachable here, the
 * tests run as root (no sandbox), and a container's /dev/shm is small (Chromium then uses /tmp).
 */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}

export async function newPage(browser: Browser, diagnostics: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // The production build answers in well under a second; the margin is for a busy 2-core machine.
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(90_000);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") diagnostics.push(`[console.${message.type()}] ${message.text()}`);
  });
  page.on("pageerror", (error) => diagnostics.push(`[pageerror] ${error.message}`));
  return page;
}

/** Opens `path`, expects the sign-in page, signs in and waits until the browser is back on `path`. */
export async function signIn(page: Page, baseUrl: string, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

export const bucketTable = (page: Page) => page.getByRole("table", { name: /Report files in the bucket/ });
export const historyTable = (page: Page) => page.getByRole("table", { name: /Report imports/ });

/** Rows of the import history as the person sees them: file name and status badge text. */
export async function historyRows(page: Page): Promise<{ filename: string; status: string; result: string }[]> {
  return historyTable(page)
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows
        .filter((row) => row.querySelector("th a"))
        .map((row) => ({
          filename: row.querySelector("th a")!.textContent!.trim(),
          status: row.querySelectorAll("td")[0]?.textContent?.trim() ?? "",
          result: row.querySelectorAll("td")[1]?.textContent?.trim() ?? "",
        })),
    );
}

/** Counts full page loads of the main frame (a reload or navigation), so "without reloading" can be asserted. */
export function countNavigations(page: Page): () => number {
  let loads = 0;
  page.on("load", () => loads++);
  return () => loads;
}
