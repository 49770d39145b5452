import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReports } from "@/lib/import/parse/sample-reports";
import { reportChannels, reportEvents, type ReportStatusUpdate } from "@/lib/realtime/channels";
import { bucketTable, countNavigations, historyRows, historyTable, newPage, openBrowser, signIn } from "./browser";
import { startLauncher, stopLauncher, stopStack, tail, waitForNoLeftovers, type Launcher } from "./launcher-process";

// The whole app as `npm start` runs it on one machine: every local stand-in, the production build, the Inngest
// executor, a real browser. The production build is made before the launcher starts (startLauncher), hence
// the long start-up timeout; the steps after it are seconds each.

const SAMPLE_FILES = sampleReports().map((r) => r.name);
const SERVICES = ["database", "storage", "background_jobs", "realtime", "youtube"] as const;

let launcher: Launcher | undefined;
let browser: Browser | undefined;
const browserLog: string[] = [];

/** What to print when a step fails: the end of the launcher's output and the browser console. */
function context(): string {
  return `\n--- launcher output (tail) ---\n${launcher ? tail(launcher.output(), 80) : "(not started)"}\n--- browser ---\n${browserLog.slice(-30).join("\n")}`;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, describeLast: () => string = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s. ${describeLast()}${context()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe("the whole stack started by local/start.mjs", () => {
  beforeAll(async () => {
    launcher = await startLauncher(230_000);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopStack(launcher);
  }, 60_000);

  it("health tells anyone every service is ok, and nothing more", async () => {
    const response = await fetch(`${launcher!.apiUrl}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { services: Record<string, { mode?: string; state: string }> };
    for (const service of SERVICES) {
      expect(body.services[service], service).toEqual({ state: "ok" });
    }
  }, 60_000);

  it("a person signs in, imports sample reports, uploads one and sees them complete, and adds a user", async () => {
    const { url, adminEmail, adminPassword } = launcher!;
    browser = await openBrowser();
    const page = await newPage(browser, browserLog);

    await signIn(page, url, "/reports", adminEmail, adminPassword);
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
    // Signed in as the admin, health also names each service's mode: every one a local stand-in here.
    const health = (await (await page.request.get(`${url}/health`)).json()) as { services: Record<string, { mode?: string }> };
    for (const service of SERVICES) expect(health.services[service]?.mode, service).toBe("local");
    // A server error shows the production error page: no message, stack frame, file path or SQL (next dev
    // showed all of them). A router-state header that does not parse makes Next itself throw.
    const broken = await page.request.get(`${url}/reports`, { headers: { RSC: "1", "Next-Router-State-Tree": "%7Bnot-json" } });
    const errorPage = await broken.text();
    expect(broken.status()).toBe(500);
    expect(errorPage).not.toMatch(/could not be parsed|\bat \S+ \(|\.next\/server|node_modules|\/work\/|SELECT |INSERT /);
    const loadsOnReports = countNavigations(page);
    expect(await page.getByText("Live updates are not configured").count(), "realtime is configured").toBe(0);

    // The bucket listing is fetched in the browser after the page renders.
    const table = bucketTable(page);
    await until("the bucket table lists the 5 sample reports", 120_000, async () => {
      const names = await table.locator("tbody th").allTextContents();
      return SAMPLE_FILES.every((f) => names.map((n) => n.trim()).includes(f)) ? names : undefined;
    });
    const rowCount = await table.getByRole("checkbox", { name: /^Select (?!all)/ }).count();
    expect(rowCount).toBeGreaterThanOrEqual(5);

    await table.getByRole("checkbox", { name: "Select all files on this page" }).check();
    const importButton = page.getByRole("button", { name: `Import selected (${rowCount})` });
    await importButton.click();
    await page.getByRole("status").filter({ hasText: /imports? queued/ }).waitFor();

    // Only Pusher can move these rows to "Imported": with realtime configured the page does not poll, and it is
    // never reloaded here.
    let last: Awaited<ReturnType<typeof historyRows>> = [];
    await until(
      "every sample report shows Imported in the import history without a reload",
      150_000,
      async () => {
        last = await historyRows(page);
        const failed = last.filter((r) => r.status === "Failed");
        if (failed.length > 0) throw new Error(`imports failed: ${JSON.stringify(failed)}${context()}`);
        const done = SAMPLE_FILES.every((f) => last.some((r) => r.filename === f && r.status === "Imported"));
        return done ? true : undefined;
      },
      () => `Last history rows: ${JSON.stringify(last)}`,
    );
    expect(loadsOnReports(), "the reports page was not reloaded").toBe(0);
    expect(last.filter((r) => SAMPLE_FILES.includes(r.filename))).toHaveLength(SAMPLE_FILES.length);

    // A person uploads a report from the browser straight into the bucket (presigned PUT) and imports it.
    const uploadName = `smoke_upload_${Date.now()}.csv`;
    const csv = readFileSync(path.join(process.cwd(), "tests/fixtures/reports/videos_report.csv"));
    await page.getByLabel("Upload reports…").setInputFiles({ name: uploadName, mimeType: "text/csv", buffer: csv });
    const uploads = page.getByRole("list", { name: "Uploads" });
    await uploads.getByRole("button", { name: /Import now/ }).waitFor({ timeout: 60_000 });
    await uploads.getByRole("button", { name: /Import now/ }).click();
    await until("the uploaded report is listed and imported", 120_000, async () => {
      const rows = await historyRows(page);
      const failed = rows.find((r) => r.filename === uploadName && r.status === "Failed");
      if (failed) throw new Error(`upload import failed: ${JSON.stringify(failed)}${context()}`);
      return rows.some((r) => r.filename === uploadName && r.status === "Imported") ? true : undefined;
    });
    expect(loadsOnReports(), "the reports page was not reloaded").toBe(0);

    // One report's own page shows its summary counts.
    await historyTable(page).getByRole("link", { name: SAMPLE_FILES[0], exact: true }).first().click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.getByRole("heading", { name: SAMPLE_FILES[0] }).waitFor();
    await page.getByRole("heading", { name: "Summary" }).waitFor();
    expect(await page.getByText("Created", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Total rows", { exact: true }).isVisible()).toBe(true);

    // An admin adds a second user.
    const newEmail = `smoke-${Date.now()}@catalog.local`;
    await page.goto(`${url}/admin`);
    await page.getByRole("heading", { name: "Add a user" }).waitFor();
    await page.locator("#new-email").fill(newEmail);
    await page.locator("#new-name").fill("Smoke Tester");
    await page.locator("#new-password").fill("smoke-password-123");
    await page.getByRole("button", { name: "Add user" }).click();
    await page.getByRole("table", { name: "Users" }).getByText(newEmail, { exact: true }).waitFor({ timeout: 60_000 });
  }, 180_000);

  it("an event sent with the app's Inngest client runs a function that reads S3 and publishes through Pusher to pusher-js", async () => {
    const { apiUrl, pusherPort } = launcher!;
    const secrets = launcher!.secrets();
    // Only used to sign channel subscriptions (no HTTP), so host/port are those of the local stand-in for completeness.
    const server = new Pusher({ appId: secrets.pusherAppId, key: secrets.pusherKey, secret: secrets.pusherSecret, host: "127.0.0.1", port: String(pusherPort), useTLS: false });
    const client = new PusherClient(secrets.pusherKey, {
      cluster: "local",
      wsHost: "127.0.0.1",
      wsPort: pusherPort,
      forceTLS: false,
      enabledTransports: ["ws"],
      channelAuthorization: {
        endpoint: "/unused",
        transport: "ajax",
        customHandler: (params, callback) => callback(null, server.authorizeChannel(params.socketId, params.channelName)),
      },
    });
    const events: ReportStatusUpdate[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`pusher-js did not subscribe to ${reportChannels.all()} within 20 s`)), 20_000);
        const channel = client.subscribe(reportChannels.all());
        channel.bind("pusher:subscription_succeeded", () => (clearTimeout(timer), resolve()));
        channel.bind("pusher:subscription_error", (error: unknown) => (clearTimeout(timer), reject(new Error(`subscription_error ${JSON.stringify(error)}`))));
        channel.bind(reportEvents.statusUpdate, (data: ReportStatusUpdate) => events.push(data));
      });

      const key = `reports/${SAMPLE_FILES[2]}`;
      const body = JSON.stringify({
        Records: [{ eventName: "ObjectCreated:Put", s3: { bucket: { name: "catalog-reports" }, object: { key, versionId: `smoke-${Date.now()}` } } }],
      });
      const signature = `sha256=${createHmac("sha256", secrets.webhookSecret).update(body).digest("hex")}`;
      const response = await fetch(`${apiUrl}/api/webhooks/s3`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-catalog-signature": signature },
        body,
      });
      const result = (await response.json()) as { outcome?: { accepted: { key: string; report_id: number }[] } };
      expect(response.status, JSON.stringify(result)).toBe(200);
      expect(result.outcome?.accepted, JSON.stringify(result)).toHaveLength(1);
      const reportId = result.outcome!.accepted[0].report_id;

      await until(
        `pusher-js receives report_status_update "completed" for report ${reportId}`,
        150_000,
        async () => {
          const mine = events.filter((e) => e.report_id === reportId);
          if (mine.some((e) => e.status === "error")) throw new Error(`report ${reportId} failed: ${JSON.stringify(mine)}${context()}`);
          return mine.at(-1)?.status === "completed" ? mine : undefined;
        },
        () => `Events for the report: ${JSON.stringify(events.filter((e) => e.report_id === reportId).map((e) => e.status))}`,
      );
      const mine = events.filter((e) => e.report_id === reportId);
      expect(mine[0].filename).toBe(SAMPLE_FILES[2]);
      expect(mine.at(-1)!.status).toBe("completed");
    } finally {
      client.disconnect();
    }
  }, 180_000);

  it("SIGTERM to the npm process alone (what a process manager sends) stops every process it started", async () => {
    const { child, dataDir, port } = launcher!;
    await browser?.close();
    browser = undefined;
    const exit = await stopLauncher(child, 20_000, { target: "process" });
    expect(exit.code, `npm exit ${JSON.stringify(exit)}`).toBe(0);
    // The launcher SIGKILLs stragglers before it exits; give the kernel a moment to reap them.
    const left = await waitForNoLeftovers(dataDir, port, 5000);
    expect(left, `processes left after npm stopped:\n${left.join("\n")}`).toEqual([]);
  }, 60_000);
});
