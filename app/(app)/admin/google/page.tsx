import type { Metadata } from "next";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { dailyBudget, quotaUsage } from "@/lib/enrichment/quota-ledger";
import { checkTokenHealth } from "@/lib/youtube/token-health";
import { AdminShell } from "../_components/admin-shell";
import { QuotaPanel } from "./quota-panel";
import { TokenHealthPanel } from "./token-health-panel";

export const metadata: Metadata = { title: "Admin · Google API" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminGooglePage({ searchParams }: Props) {
  await requirePageAdmin();
  const renew = (await searchParams).renew === "1";
  const db = await getDb();
  const [health, usage] = await Promise.all([
    checkTokenHealth({ renew }),
    quotaUsage(db, { now: new Date(), budget: dailyBudget() }),
  ]);
  return (
    <AdminShell current="google" description="The content owner's connection to the YouTube Data and Content ID APIs.">
      <TokenHealthPanel health={health} renewed={renew} />
      <QuotaPanel usage={usage} />
    </AdminShell>
  );
}
