import { checkBackgroundJobs, checkDatabase, checkRealtime, checkStorage, checkYouTube, type ServiceState } from "./service-checks";
import packageJson from "@/package.json";

export type HealthReport = {
  healthy: boolean;
  body: {
    status: "healthy" | "unhealthy";
    timestamp: string;
    database: "connected" | "disconnected";
    version: string;
    response_time_seconds: number;
    services: Record<"database" | "storage" | "background_jobs" | "realtime" | "youtube", ServiceState & { driver?: string }>;
  };
};

async function probeAll(): Promise<HealthReport> {
  const started = performance.now();
  const [database, storage, backgroundJobs, realtime, youtube] = await Promise.all([
    checkDatabase(),
    checkStorage(),
    checkBackgroundJobs(),
    checkRealtime(),
    checkYouTube(),
  ]);
  const healthy = database.state === "ok";
  return {
    healthy,
    body: {
      status: healthy ? "healthy" : "unhealthy",
      timestamp: new Date().toISOString(),
      database: healthy ? "connected" : "disconnected",
      version: packageJson.version,
      response_time_seconds: Number(((performance.now() - started) / 1000).toFixed(4)),
      services: { database, storage, background_jobs: backgroundJobs, realtime, youtube },
    },
  };
}

let inFlight: Promise<HealthReport> | null = null;

/**
 * F14: the app is healthy when its database answers; the other services are probed so a person sees what it
 * runs on and what is failing. /health is public, so callers arriving together share one round of probes: a
 * flood of requests never makes more than one set of calls to the services at a time.
 */
export function buildHealthReport(): Promise<HealthReport> {
  inFlight ??= probeAll().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * What anyone may see: each service's state and the F14 fields. Modes, hosts, drivers and error messages
 * (which can name internal hosts, buckets and accounts) are for admins only.
 */
export function publicHealthBody(report: HealthReport["body"]) {
  const services = Object.fromEntries(Object.entries(report.services).map(([name, service]) => [name, { state: service.state }]));
  return { ...report, services };
}
