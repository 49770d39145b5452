import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Only the whole-stack smoke test (`npx vitest run --config vitest.smoke.config.ts`). The default config runs it
// too (tests/**/*.test.ts); its hooks and tests carry their own long timeouts because `next dev` compiles slowly.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/smoke/**/*.smoke.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
