import type { Metadata } from "next";
import { requirePageUserOrDashboardToken } from "@/lib/auth/page-session";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { DashboardView } from "./dashboard-view";

// Full screen, outside the (app) shell: a wall screen shows this and nothing else. It is built only on the
// realtime contract (docs/realtime.md): the page sends no data of its own, the dashboard channel carries it all.

export const metadata: Metadata = {
  title: "Dashboard",
  // The token is in the URL: never send it on to another site, and keep the page out of search indexes.
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex h-screen items-center justify-center bg-gray-950 p-12 text-center text-gray-100 [color-scheme:dark]">
      <p role="alert" className="max-w-4xl text-4xl leading-snug">{children}</p>
    </main>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const access = await requirePageUserOrDashboardToken(typeof token === "string" ? token : undefined);
  if (access.via === "refused") return <Notice>{access.reason}</Notice>;
  const realtime = realtimeClientConfig();
  if (!realtime) return <Notice>Live updates are not configured on this server (PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET).</Notice>;
  return <DashboardView realtime={realtime} token={access.via === "token" ? access.token : null} />;
}
