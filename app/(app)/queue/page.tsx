import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requirePageUser } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Queue" };

// Placeholder until the enrichment queue view (F6) lands here.
export default async function QueuePage() {
  await requirePageUser();
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title="Queue" description="Enrichment and metadata-sync tasks waiting for the YouTube APIs." />
      <EmptyState title="The queue is empty" action={{ href: "/reports", label: "Import a report" }}>
        Tasks are queued when an import finds videos with an asset id but no UPC, ISRC or genre, or when someone asks for a
        sync. They show up here with their status and retries.
      </EmptyState>
    </div>
  );
}
