import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Catalog" };

// Placeholder until the catalog search (F10) lands here; it already tells a new team where to start.
export default function CatalogPage() {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title="Catalog" description="Every video in the content owner's catalog, with its rights metadata." />
      <EmptyState title="No videos yet — import a report on the Reports page" action={{ href: "/reports", label: "Go to Reports" }}>
        Upload a YouTube CMS video report (CSV, optionally gzipped) or pick one from the bucket, then start the import. Videos
        appear here as soon as it finishes.
      </EmptyState>
    </div>
  );
}
