import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Every suite that touches a database, again on the real PostgreSQL server named by TEST_DATABASE_URL (set by
// .ci/run): createTestDatabase() then makes throwaway databases there instead of in-memory PGlite. The browser
// smoke test runs the launcher's own embedded database and is left to the default run.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/**/*.test.ts"], exclude: ["tests/smoke/**", "tests/launcher/**", "**/node_modules/**"] },
});
