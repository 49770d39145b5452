import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { PageHeader } from "@/app/_components/page-header";
import { requirePageUser } from "@/lib/auth/page-session";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { CatalogWorkspace } from "./_catalog/catalog-workspace";
import { loadFirstPage } from "./_catalog/load-first-page";

export const metadata: Metadata = { title: "Catalog" };

// The catalog changes with every import; a cached render would show yesterday's rows.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadCatalogPage(searchParams: SearchParams) {
  await requirePageUser();
  return { realtime: realtimeClientConfig(), initial: await loadFirstPage(await searchParams) };
}

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const { realtime, initial } = await loadCatalogPage(searchParams);
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title="Catalog" description="Every video in the content owner's catalog, with its rights metadata." />
      {/* The adapter lives here, not in the shared layout: only this page keeps its state in the URL so far. */}
      <NuqsAdapter>
        <CatalogWorkspace realtime={realtime} initial={initial} />
      </NuqsAdapter>
    </div>
  );
}
