import { buildHealthReport } from "@/lib/health/health-report";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { healthy, body } = await buildHealthReport();
  return Response.json(body, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}
