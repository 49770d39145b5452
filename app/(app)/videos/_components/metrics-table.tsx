import type { VideoMetricPeriod } from "@/lib/videos/types";
import { formatCount } from "../../reports/_components/format";
import { formatDecimal } from "./format-value";
import { Table, td, th } from "./table";

/** Owned views and partner revenue per period, revenue digit for digit as imported (exact decimals). */
export function MetricsTable({ metrics }: { metrics: VideoMetricPeriod[] }) {
  if (metrics.length === 0) {
    return <p className="text-sm text-gray-600">No metrics yet: they come from revenue and claim reports (for example claim_raw).</p>;
  }
  return (
    <Table
      caption="Metrics per period"
      head={
        <>
          <th scope="col" className={th}>Period</th>
          <th scope="col" className={th}>Report kind</th>
          <th scope="col" className={`${th} text-right`}>Owned views</th>
          <th scope="col" className={`${th} text-right`}>Partner revenue</th>
          <th scope="col" className={`${th} text-right`}>Files</th>
        </>
      }
    >
      {metrics.map((m) => (
        <tr key={`${m.period}-${m.report_kind}`}>
          <th scope="row" className={`${td} font-normal tabular-nums`}>{m.period}</th>
          <td className={td}>{m.report_kind}</td>
          <td className={`${td} text-right tabular-nums`}>{formatCount(m.owned_views)}</td>
          <td className={`${td} text-right font-mono text-xs tabular-nums`} title={m.partner_revenue}>{formatDecimal(m.partner_revenue)}</td>
          <td className={`${td} text-right tabular-nums`}>{m.files}</td>
        </tr>
      ))}
    </Table>
  );
}
