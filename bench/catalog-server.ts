// The catalog's route handlers (GET /api/videos, GET /api/export) in a process of their own, so the benchmark
// measures them through HTTP and can read this process's memory. Same modules Next serves.
import { serveRouteHandlers } from "@/local/http/serve-route-handlers";

const videos = await import("@/app/api/videos/route");
const exportRoute = await import("@/app/api/export/route");
const server = await serveRouteHandlers({ "/api/videos": videos, "/api/export": exportRoute }, Number(process.env.PORT ?? 0));
console.log(`catalog-server ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.stop().then(() => process.exit(0)));
