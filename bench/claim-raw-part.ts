import { spawn } from "node:child_process";

/**
 * Runs the claim-raw part of `npm run bench:import` (bench/claim-raw-benchmark.ts) in a process of its own: it
 * starts its own stack, and the app modules this process has loaded (database, Inngest client) stay out of it.
 * `args` are passed on (`--runs 3`, `--sizes 1000000,5000000`). Resolves with the part's exit code.
 */
export function runClaimRawPart(args: string[]): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/claim-raw-benchmark.ts", ...args], { stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/** The value of `--name value` / `--name=value` in `args`, and the args without it. */
export function takeOption(args: string[], name: string): { value: string | undefined; rest: string[] } {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return { value: undefined, rest: args };
  const inline = args[at].includes("=");
  const value = inline ? args[at].slice(args[at].indexOf("=") + 1) : args[at + 1];
  return { value, rest: args.filter((_, i) => i !== at && (inline || i !== at + 1)) };
}
