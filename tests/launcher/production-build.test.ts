import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, ensureProductionBuild, forgetBuild, type RunCommand } from "@/local/launcher/build.mjs";

// When `npm start` and `npm test` rebuild: only when a file the bundle is made from changed. Runs on a small
// checkout in a temp folder; `next build` is replaced by a command that writes what a build leaves behind
// (.next/BUILD_ID), so the decision and the lock are what is tested, in milliseconds.

let root: string;
let builds: number;

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

const fakeNextBuild: RunCommand = async (name, command, args, env) => {
  expect([name, path.basename(command), args, env.NODE_ENV]).toEqual(["build", "next", ["build"], "production"]);
  builds++;
  await new Promise((r) => setTimeout(r, 50));
  write(".next/BUILD_ID", `build-${builds}`);
};

const ensure = () => ensureProductionBuild({ env: {}, run: fakeNextBuild, log: () => {}, root });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "catalog-build-"));
  builds = 0;
  write("app/page.tsx", "export default function Page() { return null; }");
  write("lib/env.ts", "export const x = 1;");
  write("package-lock.json", "{}");
  write("tests/a.test.ts", "// test");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the production build npm start serves", () => {
  it("is built once, and again only when a source of the bundle changes", async () => {
    expect(buildIsCurrent(root)).toBe(false);
    expect(await ensure()).toBe(true);
    expect(await ensure()).toBe(false);
    expect(buildIsCurrent(root)).toBe(true);

    write("tests/a.test.ts", "// another test");
    write("README.md", "# notes");
    expect(await ensure(), "tests and docs are not part of the bundle").toBe(false);

    write("lib/env.ts", "export const x = 2;");
    expect(await ensure(), "a changed lib/ file").toBe(true);
    write("app/new-page.tsx", "export {}");
    expect(await ensure(), "a new app/ file").toBe(true);
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(await ensure(), "changed dependencies").toBe(true);
    expect(builds).toBe(4);
  });

  it("is built again after `npm run dev` (next dev writes into .next) or when .next was deleted", async () => {
    await ensure();
    forgetBuild(root);
    expect(await ensure()).toBe(true);
    rmSync(path.join(root, ".next"), { recursive: true });
    expect(await ensure()).toBe(true);
    expect(builds).toBe(3);
  });

  it("is built once when several launches ask at the same time (one build at a time per checkout)", async () => {
    const results = await Promise.all([ensure(), ensure(), ensure()]);
    expect(builds).toBe(1);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("is not marked current when the build failed", async () => {
    const failing: RunCommand = async () => {
      throw new Error("build failed (exit code 1)");
    };
    await expect(ensureProductionBuild({ env: {}, run: failing, log: () => {}, root })).rejects.toThrow(/exit code 1/);
    expect(buildIsCurrent(root)).toBe(false);
    expect(await ensure()).toBe(true);
  });
});
