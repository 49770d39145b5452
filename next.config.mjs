// JavaScript, not next.config.ts: Next transpiles a TS config through the TypeScript compiler API,
// which TypeScript 7 (this project's compiler) no longer provides.

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native or WASM-heavy packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "pg-copy-streams"],
  poweredByHeader: false,
};

export default nextConfig;
