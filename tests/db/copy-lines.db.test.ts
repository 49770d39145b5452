import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyText, openCopyLines } from "@/lib/db/copy-lines";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";

// The COPY writer behind staging and fingerprints hands its text to the stream 64 KB at a time and waits for the socket
// only when more than 8 MB is queued. Past that cap it must still deliver every line, in order, exactly once; and a
// failed COPY must reach the writer instead of being lost in the queue. COPY streams exist only on node-postgres.

const server = testServerUrl();

describe.skipIf(!server)("the COPY line writer (PostgreSQL only)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.pgPool!.query("CREATE TABLE copied (n int PRIMARY KEY, body text NOT NULL)");
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("delivers 26 MB of lines (more than three times the cap) in order and once each", async () => {
    const writer = await openCopyLines(database.pgPool!, "COPY copied (n, body) FROM STDIN");
    const body = (n: number) => `row ${n}\t"${"x".repeat(200)}"\\${n % 7}`;
    let waits = 0;
    for (let n = 0; n < 120_000; n++) {
      const full = writer.push(`${n}\t${copyText(body(n))}`);
      if (full) {
        waits++;
        await full;
      }
    }
    await writer.finish();
    // A push that flushes returns a promise (64 KB each: ~400 here); those past the cap also wait for the socket.
    expect(waits).toBeGreaterThan(300);
    const { rows } = await database.pgPool!.query(
      "SELECT count(*)::int AS rows, min(n) AS first, max(n) AS last, bool_and(body = 'row ' || n || E'\\t\"' || repeat('x', 200) || E'\"\\\\' || (n % 7)) AS exact FROM copied",
    );
    expect(rows[0]).toEqual({ rows: 120_000, first: 0, last: 119_999, exact: true });
  });

  it("reports a COPY the server refused to the next push or to finish", async () => {
    const writer = await openCopyLines(database.pgPool!, "COPY copied (n, body) FROM STDIN");
    // A duplicate key: the server fails the COPY; the error must come out of the writer, not vanish in its queue.
    const pushing = async () => {
      for (let n = 0; n < 200_000; n++) {
        const full = writer.push(`${n % 10}\tdup`);
        if (full) await full;
      }
      await writer.finish();
    };
    await expect(pushing()).rejects.toThrow(/duplicate key/);
    const { rows } = await database.pgPool!.query("SELECT count(*)::int AS rows FROM copied");
    expect(rows[0].rows).toBe(120_000);
  });
});
