// Types for build.mjs (plain Node so it runs before `npm ci`), for the tests that import it.
export const BUILD_INPUTS: string[];
export function sourceStamp(root?: string): string;
export function buildIsCurrent(root?: string): boolean;
export function forgetBuild(root?: string): void;
export type RunCommand = (name: string, command: string, args: string[], env: Record<string, string | undefined>) => Promise<void>;
export function ensureProductionBuild(options: {
  env: Record<string, string | undefined>;
  run: RunCommand;
  log?: (line: string) => void;
  force?: boolean;
  root?: string;
}): Promise<boolean>;
