// Next's server installs AsyncLocalStorage on globalThis before loading anything else; its request stores are
// fakes that refuse run() otherwise. Import this file before anything that loads next/server.
import "next/dist/server/node-environment-baseline.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";

// Server components and server actions read the request through next/headers, which only answers inside the
// request scope Next sets up for each request. This opens the same two async-local stores Next opens (a work
// store and a "request" work unit holding the headers), so a page's data loader or a server action runs here
// as it does under `next start`, with its real session check against the test database.

export type NextScope = { revalidatedTags: () => string[] };

export async function inNextRequest<T>(
  options: { cookie?: string; phase?: "render" | "action"; route?: string },
  run: (scope: NextScope) => Promise<T>,
): Promise<T> {
  const workStore = {
    route: options.route ?? "/test",
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: false,
    // revalidatePath() records into the work store; Next applies it after the action.
    incrementalCache: {},
    pendingRevalidatedTags: [] as string[],
  };
  const requestStore = { type: "request", phase: options.phase ?? "render", headers: new Headers(options.cookie ? { cookie: options.cookie } : {}) };
  const scope: NextScope = { revalidatedTags: () => workStore.pendingRevalidatedTags };
  // The stores are typed for Next's internals; the fields read on these paths are the ones above.
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, () => run(scope)));
}

/** Where a redirect() or notFound() thrown inside the scope was going: "/sign-in", "404", or null. */
export function nextNavigation(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2] ?? null;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return digest.split(";")[1] ?? null;
  return null;
}
