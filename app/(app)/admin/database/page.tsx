import type { Metadata } from "next";
import Link from "next/link";
import { formatCount } from "@/app/(app)/reports/_components/format";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import { CATALOG_TABLE_LABELS, countCatalogRows, listDatabaseClears, runningImports } from "@/lib/admin/clear-database";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "../_components/admin-shell";
import { ClearDatabaseForm } from "./clear-database-form";

export const metadata: Metadata = { title: "Admin · Database" };
export const dynamic = "force-dynamic";

export default async function AdminDatabasePage() {
  await requirePageAdmin();
  const db = await getDb();
  const [counts, running, clears] = await Promise.all([countCatalogRows(db), runningImports(db), listDatabaseClears(db)]);
  const entries = Object.entries(counts) as [keyof typeof counts, number][];
  return (
    <AdminShell current="database" description="What the catalog holds, and clearing it to start again from the report files.">
      <section aria-labelledby="contents-heading" className="space-y-3">
        <h2 id="contents-heading" className="text-lg font-semibold text-gray-900">Contents</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {entries.map(([key, value]) => (
            <div key={key} className="rounded-lg border border-gray-200 bg-white px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{CATALOG_TABLE_LABELS[key]}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums text-gray-900">{formatCount(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="clear-heading" className="space-y-4 rounded-lg border border-red-200 bg-white p-5">
        <div className="space-y-2">
          <h2 id="clear-heading" className="text-lg font-semibold text-red-800">Clear the database</h2>
          <p className="max-w-3xl text-sm text-gray-700">
            Deletes every video, claim, asset, channel, metric, audit record, queue task and import (with its rejected rows) in one
            step. Users, their roles and sign-ins stay, as do the API quota ledger and the report files in the bucket, so every
            report can be imported again. A record of who cleared the database, and what it held, is kept.
          </p>
        </div>
        {running.length > 0 && (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {running.length === 1 ? "An import is" : `${running.length} imports are`} still running ({running.map((r) => r.filename).join(", ")}).
            Wait for {running.length === 1 ? "it" : "them"} to finish or cancel on the{" "}
            <Link href="/reports" className="font-medium underline">Reports page</Link> before clearing.
          </p>
        )}
        <ClearDatabaseForm blocked={running.length > 0} />
      </section>

      {clears.length > 0 && (
        <section aria-labelledby="clears-heading" className="space-y-2">
          <h2 id="clears-heading" className="text-base font-semibold text-gray-900">Earlier clears</h2>
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
            {clears.map((c) => (
              <li key={c.id} className="flex flex-wrap gap-x-4 px-4 py-2 text-gray-700">
                <LocalTime iso={c.at.toISOString()} />
                <span>by {c.by}</span>
                <span className="text-gray-500">
                  {formatCount(c.videos)} videos, {formatCount(c.reports)} imports removed
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminShell>
  );
}
