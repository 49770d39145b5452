import { checkBackgroundJobs, checkDatabase, checkRealtime, checkStorage, checkYouTube } from "./service-checks";
import packageJson from "@/package.json";

/** F14: the app is healthy when its database answers; the other services are reported so a person sees what it runs on. */
export async function buildHealthReport() {
  const started = performance.now();
  const [database, storage, backgroundJobs, realtime, youtube] = await Promise.all([
    checkDatabase(),
    checkStorage(),
    checkBackgroundJobs(),
    checkRealtime(),
    checkYouTube(),
  ]);
  const healthy = database.state === "ok";
  const body = {
    status: healthy ? "healthy" : "unhealthy",
    timestamp: new Date().toISOString(),
    database: healthy ? "connected" : "disconnected",
    version: packageJson.version,
    response_time_seconds: Number(((performance.now() - started) / 1000).toFixed(4)),
    services: { database, storage, background_jobs: backgroundJobs, realtime, youtube },
  };
  return { healthy, body };
}
