// The app's /api/inngest handler in a process of its own, so the benchmark can measure its memory. It is the
// same route module Next serves; only the HTTP shell differs (see local/http/serve-route-handlers.ts).
import { serveRouteHandlers } from "@/local/http/serve-route-handlers";

const inngestRoute = await import("@/app/api/inngest/route");
const server = await serveRouteHandlers({ "/api/inngest": inngestRoute }, Number(process.env.PORT ?? 0));
console.log(`app-server ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.stop().then(() => process.exit(0)));
