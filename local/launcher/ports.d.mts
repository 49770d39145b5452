// Types for ports.mjs (plain Node so it runs before `npm ci`), for the tests that import it.
export function isFree(port: number): Promise<boolean>;
export function claimFreePort(preferred: number): Promise<number>;
