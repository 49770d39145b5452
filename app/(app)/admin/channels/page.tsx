import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { listChannels } from "@/lib/admin/channels";
import { listParamsFromUrl } from "@/lib/admin/pagination";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "../_components/admin-shell";
import { ListSearch } from "../_components/list-search";
import { PageLinks } from "../_components/page-links";
import { ChannelRow } from "./channel-row";

export const metadata: Metadata = { title: "Admin · Channels" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminChannelsPage({ searchParams }: Props) {
  await requirePageAdmin();
  const { page, perPage, search } = listParamsFromUrl(await searchParams);
  const result = await listChannels(await getDb(), { page, perPage, search });
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <AdminShell current="channels" description="Rename and describe channels, or hide one: a hidden channel's videos leave the default catalog view.">
      <section aria-labelledby="channels-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="channels-heading" className="text-lg font-semibold text-gray-900">
            Channels <span className="text-sm font-normal text-gray-500">({result.total.toLocaleString("en-US")})</span>
          </h2>
          <ListSearch action="/admin/channels" label="Search channels" placeholder="Channel name or UC… id" value={search} />
        </div>
        {result.total === 0 && !search ? (
          <EmptyState title="No channels yet" action={{ href: "/reports", label: "Go to Reports" }}>
            Channels appear when a report that names them is imported.
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg border border-gray-200">
              <table className="min-w-full divide-y divide-gray-200 text-sm">
                <caption className="sr-only">Channels by name, with their number of videos</caption>
                <thead className="bg-gray-50">
                  <tr>
                    <th scope="col" className={th}>Channel</th>
                    <th scope="col" className={`${th} text-right`}>Videos</th>
                    <th scope="col" className={th}>In catalog</th>
                    <th scope="col" className={th}>Last changed</th>
                    <th scope="col" className={th}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 bg-white">
                  {result.channels.map((channel) => (
                    <ChannelRow key={channel.channel_id} channel={channel} />
                  ))}
                  {result.channels.length === 0 && (
                    <tr>
                      <td colSpan={5} className="px-3 py-8 text-center text-gray-500">
                        {search ? `No channel name or id matches “${search}”.` : "No channels on this page."}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <PageLinks label="Channels" path="/admin/channels" page={page} pages={result.pages} perPage={perPage} total={result.total} query={{ search }} />
          </>
        )}
      </section>
    </AdminShell>
  );
}
