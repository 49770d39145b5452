import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

// Validating the environment here makes a bad configuration fail at build and start, not on first use.
getEnv();

const nextConfig: NextConfig = {
  // Native or WASM-heavy packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "pg-copy-streams", "s3rver"],
  poweredByHeader: false,
};

export default nextConfig;
