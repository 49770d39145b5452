import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// The database suite again, on the real PostgreSQL server named by TEST_DATABASE_URL (set by .ci/run).
export default mergeConfig(
  base,
  defineConfig({ test: { include: ["tests/db/**/*.test.ts", "tests/import/**/*.db.test.ts"] } }),
);
