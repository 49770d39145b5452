import type { Metadata } from "next";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { listDashboardTokens } from "@/lib/dashboard/dashboard-tokens";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "../_components/admin-shell";
import { DashboardTokens } from "./dashboard-tokens";

export const metadata: Metadata = { title: "Admin · Dashboards" };
export const dynamic = "force-dynamic";

export default async function AdminDashboardsPage() {
  await requirePageAdmin();
  const tokens = await listDashboardTokens(await getDb());
  return (
    <AdminShell
      current="dashboards"
      description={
        <>
          Read-only links for wall screens: <span className="font-mono">/dashboard</span> shows running imports, the queue, today&apos;s API
          quota and the last errors, live. A token only opens the dashboard channel — no catalog data, no other page.{" "}
          <a href="/dashboard" className="font-medium text-blue-700 hover:underline">Open the dashboard</a> (signed in, no token needed).
        </>
      }
    >
      <DashboardTokens initial={tokens} />
    </AdminShell>
  );
}
