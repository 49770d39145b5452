import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { PageHeader } from "@/app/_components/page-header";
import { requirePageUser } from "@/lib/auth/page-session";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { isSandbox } from "@/lib/youtube/clients";
import { loadQueue } from "./_components/load-queue";
import { QueueWorkspace } from "./_components/queue-workspace";

export const metadata: Metadata = { title: "Queue" };

// Tasks move every second while the drain runs; a cached render would show old counts.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadQueuePage(searchParams: SearchParams) {
  const user = await requirePageUser();
  const { list, plan } = await loadQueue(await searchParams);
  return { isAdmin: user.role === "admin", realtime: realtimeClientConfig(), list, plan, sandbox: isSandbox() };
}

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const { isAdmin, realtime, list, plan, sandbox } = await loadQueuePage(searchParams);
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title="Queue" description="Enrichment and metadata-sync work for the YouTube APIs: what waits, what runs, what it costs." />
      <NuqsAdapter>
        <QueueWorkspace realtime={realtime} initialList={list} initialPlan={plan} isAdmin={isAdmin} sandbox={sandbox} />
      </NuqsAdapter>
    </div>
  );
}
