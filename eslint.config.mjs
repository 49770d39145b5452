import path from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

// Next.js's own rules (core web vitals, React hooks, TypeScript) through the compatibility layer that
// eslint-config-next 15 documents for flat config. `npm run lint`; CI runs it.
const compat = new FlatCompat({ baseDirectory: path.dirname(fileURLToPath(import.meta.url)) });

const config = [
  { ignores: ["node_modules/**", ".next/**", ".data/**", "coverage/**", "next-env.d.ts", ".ci/results/**", "bench/results/**"] },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      // An argument or binding named with a leading underscore is unused on purpose (a signature to honour).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Server code and tests name plain functions and options "use…" (Auth.js's `useSecureCookies`,
    // `useBulkJoins`, `useDatabase`); they are not React hooks. Real hooks live in files named use-*.ts.
    files: ["lib/**", "inngest/**", "local/**", "tests/**", "bench/**", "scripts/**"],
    ignores: ["**/use-*.ts", "**/use-*.tsx"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
