import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectDriver } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { startNeonWsProxy } from "@/local/neon-ws-proxy";
import { createTestDatabase, testServerUrl } from "@/tests/helpers/db";

describe("driver selection by DATABASE_URL", () => {
  it("uses PGlite when unset or memory://", () => {
    expect(selectDriver(undefined)).toBe("pglite");
    expect(selectDriver("memory://")).toBe("pglite");
  });
  it("uses the Neon serverless driver for a Neon host", () => {
    expect(selectDriver("postgres://u:p@ep-cool-1234.us-east-2.aws.neon.tech/neondb?sslmode=require")).toBe("neon");
  });
  it("uses node-postgres for any other postgres URL", () => {
    expect(selectDriver("postgres://postgres@127.0.0.1:5432/catalog")).toBe("pg");
    expect(selectDriver("postgresql://db.internal/catalog")).toBe("pg");
  });
  it("refuses a URL that is not postgres with a message saying what to do", () => {
    expect(() => selectDriver("mysql://x")).toThrow(/unset it to use the embedded database/);
  });
});

// The production driver, against the real server through a local WebSocket-to-TCP proxy.
describe.runIf(testServerUrl())("Neon driver against real PostgreSQL", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it("commits a transaction and rolls back a failed one", async () => {
    const proxy = await startNeonWsProxy();
    cleanup.push(proxy.close);
    const database = await createTestDatabase({ driver: "neon", neonWsProxy: proxy.address, install: false });
    cleanup.push(database.drop);
    expect(database.driver).toBe("neon");

    await database.db.transaction(async (tx) => {
      await tx.insert(users).values({ email: "committed@example.com", role: "user" });
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: "rolled-back@example.com", role: "user" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");

    const rows = await database.db.execute(sql`select email from users order by email`);
    expect(rows.rows.map((r) => (r as { email: string }).email)).toEqual(["committed@example.com"]);
  });
});
