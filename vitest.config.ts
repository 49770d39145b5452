import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// The default suite: PGlite as the database, local stand-ins for every hosted service.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    passWithNoTests: false,
  },
});
