import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { formatCount } from "@/app/(app)/reports/_components/format";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import { listAdministeredAssets, type AdministeredAsset } from "@/lib/admin/assets";
import { listParamsFromUrl } from "@/lib/admin/pagination";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "../_components/admin-shell";
import { ListSearch } from "../_components/list-search";
import { PageLinks } from "../_components/page-links";

export const metadata: Metadata = { title: "Admin · Assets" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAssetsPage({ searchParams }: Props) {
  await requirePageAdmin();
  const { page, perPage, search } = listParamsFromUrl(await searchParams);
  const result = await listAdministeredAssets(await getDb(), { page, perPage, search });
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <AdminShell current="assets" description="Content ID assets we administer (marked administered, or with publishing rights per the asset reports), with the videos they claim.">
      <section aria-labelledby="assets-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="assets-heading" className="text-lg font-semibold text-gray-900">
            Administered assets <span className="text-sm font-normal text-gray-500">({formatCount(result.total)})</span>
          </h2>
          <ListSearch action="/admin/assets" label="Find an asset" placeholder="Asset id, custom id, ISRC or UPC" value={search} />
        </div>
        {result.total === 0 && !search ? (
          <EmptyState title="No administered assets yet" action={{ href: "/reports", label: "Go to Reports" }}>
            Import an “Asset raw, music” report: its administer_publish_rights column says which assets we administer.
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg border border-gray-200">
              <table className="min-w-full divide-y divide-gray-200 text-sm">
                <caption className="sr-only">Administered assets by asset id, with the number of videos each claims</caption>
                <thead className="bg-gray-50">
                  <tr>
                    <th scope="col" className={th}>Asset</th>
                    <th scope="col" className={th}>Custom ID</th>
                    <th scope="col" className={th}>ISRC / UPC</th>
                    <th scope="col" className={th}>Artist · label</th>
                    <th scope="col" className={th}>Administered</th>
                    <th scope="col" className={`${th} text-right`}>Claimed videos</th>
                    <th scope="col" className={th}>Updated</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 bg-white">
                  {result.assets.map((asset) => (
                    <AssetRow key={asset.asset_id} asset={asset} />
                  ))}
                  {result.assets.length === 0 && (
                    <tr>
                      <td colSpan={7} className="px-3 py-8 text-center text-gray-500">
                        {search ? `No administered asset has the id, custom id, ISRC or UPC “${search}”.` : "No assets on this page."}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <PageLinks label="Assets" path="/admin/assets" page={page} pages={result.pages} perPage={perPage} total={result.total} query={{ search }} />
          </>
        )}
      </section>
    </AdminShell>
  );
}

function AssetRow({ asset }: { asset: AdministeredAsset }) {
  const how = [asset.administered && "in catalog", asset.administer_publish_rights && "publishing rights"].filter(Boolean).join(", ");
  return (
    <tr className="align-top hover:bg-gray-50">
      <th scope="row" className="max-w-sm px-3 py-2 text-left font-normal">
        <div className="font-medium text-gray-900">{asset.title ?? <span className="italic text-gray-500">No title</span>}</div>
        <div className="font-mono text-xs text-gray-500">
          {asset.asset_id}
          {asset.asset_type ? ` · ${asset.asset_type}` : ""}
        </div>
      </th>
      <td className="px-3 py-2 font-mono text-xs text-gray-700">{asset.custom_id ?? "—"}</td>
      <td className="px-3 py-2 font-mono text-xs text-gray-700">
        <div>{asset.isrc ?? "—"}</div>
        <div className="text-gray-500">{asset.upc ?? "—"}</div>
      </td>
      <td className="px-3 py-2 text-gray-700">{[asset.artist, asset.label].filter(Boolean).join(" · ") || "—"}</td>
      <td className="px-3 py-2 text-xs text-gray-700">{how}</td>
      <td className="px-3 py-2 text-right tabular-nums text-gray-900">{formatCount(asset.claimed_videos)}</td>
      <td className="px-3 py-2 text-gray-700">
        <LocalTime iso={asset.updated_at} />
      </td>
    </tr>
  );
}
