import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or WASM-heavy packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "pg-copy-streams"],
  poweredByHeader: false,
};

export default nextConfig;
