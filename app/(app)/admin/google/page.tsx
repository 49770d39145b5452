import type { Metadata } from "next";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { AdminShell } from "../_components/admin-shell";

export const metadata: Metadata = { title: "Admin · Google API" };
export const dynamic = "force-dynamic";

export default async function AdminGooglePage() {
  await requirePageAdmin();
  return (
    <AdminShell current="google" description="The content owner's connection to the YouTube Data and Content ID APIs.">
      <section aria-labelledby="google-heading" className="max-w-2xl rounded-lg border border-dashed border-gray-300 bg-white px-6 py-8">
        <h2 id="google-heading" className="text-base font-semibold text-gray-900">Google API</h2>
        <p className="mt-2 text-sm text-gray-600">Token health and quota arrive with enrichment.</p>
        <p className="mt-2 text-sm text-gray-600">
          This tab will show whether the content owner&apos;s OAuth token still works, the API units spent today against the daily
          budget, and bulk sync. Until then, the service&apos;s state is on the{" "}
          <a href="/health" className="font-medium text-blue-700 hover:underline">health check</a>.
        </p>
      </section>
    </AdminShell>
  );
}
