import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, useDatabase } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { GET } from "@/app/health/route";

// F14: 200 while the database answers, 503 with database "disconnected" when it does not.
let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;

beforeAll(async () => {
  s3 = await startTestS3();
  database = await createTestDatabase({ install: true });
});
afterAll(async () => {
  await database.drop();
  await s3.cleanup();
});

describe("GET /health", () => {
  it("answers 200 and names every backing service with its mode", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "healthy", database: "connected" });
    expect(body.services.database.state).toBe("ok");
    expect(body.services.storage).toMatchObject({ mode: "local", state: "ok" });
    expect(Object.keys(body.services).sort()).toEqual(["background_jobs", "database", "realtime", "storage", "youtube"]);
  });

  it("answers 503 with database disconnected when the database does not answer", async () => {
    // A server nobody listens on: the driver is real, the connection fails.
    const unreachable = await createDatabase({ url: "postgres://nobody@127.0.0.1:1/none" });
    useDatabase(unreachable);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unhealthy", database: "disconnected", services: { database: { state: "down" } } });
    await unreachable.close();
  });
});
