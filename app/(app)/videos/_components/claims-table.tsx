import type { VideoClaim } from "@/lib/videos/types";
import { Badge } from "@/app/_components/badge";
import { Table, td, th } from "./table";

const dash = <span className="text-gray-400">—</span>;
const or = (value: string | null) => value ?? dash;

/** Every claim on the video with the asset behind it (from the assets table when an asset report described it). */
export function ClaimsTable({ claims }: { claims: VideoClaim[] }) {
  if (claims.length === 0) {
    return <p className="text-sm text-gray-600">No claims: no imported report lists a claim on this video.</p>;
  }
  return (
    <Table
      caption="Claims and their assets"
      head={
        <>
          <th scope="col" className={th}>Asset</th>
          <th scope="col" className={th}>Asset details</th>
          <th scope="col" className={th}>Claim ID</th>
          <th scope="col" className={th}>Type / origin</th>
          <th scope="col" className={th}>Policy</th>
          <th scope="col" className={th}>Status</th>
        </>
      }
    >
      {claims.map((claim) => (
        <tr key={claim.asset_id} className="align-top">
          <th scope="row" className={`${td} font-normal`}>
            <span className="block font-mono text-xs">{claim.asset_id}</span>
            {claim.asset?.title && <span className="block text-gray-600">{claim.asset.title}</span>}
          </th>
          <td className={td}>
            {claim.asset ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                <dt className="text-gray-500">Type</dt><dd>{or(claim.asset.asset_type)}</dd>
                <dt className="text-gray-500">Custom ID</dt><dd className="font-mono">{or(claim.asset.custom_id)}</dd>
                <dt className="text-gray-500">ISRC</dt><dd className="font-mono">{or(claim.asset.isrc)}</dd>
                <dt className="text-gray-500">UPC</dt><dd className="font-mono">{or(claim.asset.upc)}</dd>
                <dt className="text-gray-500">Artist</dt><dd>{or(claim.asset.artist)}</dd>
                <dt className="text-gray-500">Label</dt><dd>{or(claim.asset.label)}</dd>
              </dl>
            ) : (
              <span className="text-xs text-gray-500">Not described by an asset report yet</span>
            )}
            {claim.asset?.administered && <Badge tone="success">Administered</Badge>}
          </td>
          <td className={`${td} font-mono text-xs`}>{or(claim.claim_id)}</td>
          <td className={td}>
            {or(claim.claim_type)}
            {claim.claim_origin && <span className="block text-xs text-gray-500">{claim.claim_origin}</span>}
          </td>
          <td className={td}>{or(claim.policy)}</td>
          <td className={td}>{or(claim.status)}</td>
        </tr>
      ))}
    </Table>
  );
}
