import { chromium, type Browser, type Page } from "playwright-core";

// The Playwright steps of the smoke test, written the way a person uses the pages: by labels and button names.

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}

export async function newPage(browser: Browser, diagnostics: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // `next dev` compiles each page on first visit: slow on a small machine.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(180_000);
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
