import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as processStatus } from "@/app/api/process-status/[id]/route";
import { POST as cancel } from "@/app/api/reports/[id]/cancel/route";
import { GET as rejected } from "@/app/api/reports/[id]/rejected/route";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { call, result } from "./route-calls";

// Item 10 of issue 10: ids above int4 reached PostgreSQL ("value out of range", a 500), and `1e3`, `0x1` or
// ` 1` were taken as ids. Every route with a report id in its path answers 400 for them, 404 for a valid unknown id.

let tdb: TestDatabase;
let user: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db);
});
afterAll(() => tdb.drop());

const routes = [
  { name: "GET /api/process-status/[id]", run: (id: string) => call(processStatus, `/api/process-status/${encodeURIComponent(id)}`, { user, params: { id } }) },
  { name: "POST /api/reports/[id]/cancel", run: (id: string) => call(cancel, `/api/reports/${encodeURIComponent(id)}/cancel`, { user, method: "POST", params: { id } }) },
  { name: "GET /api/reports/[id]/rejected", run: (id: string) => call(rejected, `/api/reports/${encodeURIComponent(id)}/rejected`, { user, params: { id } }) },
];

// Next hands the handler the decoded segment; "%201" is what arrives when the path held "%25201".
const BAD_IDS = ["2147483648", "1e23", "99999999999999999999", "1e3", "0x1", "%201", " 1", "1 ", "+1", "-1", "0", "01", "1.0", "1,0", "abc", "", "1\u0000"];

describe.each(routes)("$name", ({ run }) => {
  it.each(BAD_IDS)("answers 400 for the id %j", async (id) => {
    const { status, body } = await result(await run(id));
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: "error", code: "bad_request", message: "Report id must be a whole number from 1 to 2147483647." });
  });

  it("answers 404 for the largest valid id when there is no such report", async () => {
    const { status, body } = await result(await run("2147483647"));
    expect([status, body.code]).toEqual([404, "not_found"]);
    expect(body.message).toBe("Report 2147483647 does not exist. Pick one from the Reports page.");
  });
});
