import { formatCount } from "./format";

export type RejectedRow = { line: number; column: string | null; value: string | null; reason: string };

export function RejectedRowsTable({ rows, total }: { rows: RejectedRow[]; total: number }) {
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">
          Rejected rows{total > rows.length ? `, first ${rows.length} of ${total}` : ""}
        </caption>
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className={`${th} text-right`}>Line</th>
            <th scope="col" className={th}>Column</th>
            <th scope="col" className={th}>Value</th>
            <th scope="col" className={th}>Reason</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {rows.map((row, i) => (
            <tr key={`${row.line}-${row.column ?? ""}-${i}`} className="align-top">
              <th scope="row" className="px-3 py-2 text-right font-normal tabular-nums text-gray-700">
                {formatCount(row.line)}
              </th>
              <td className="px-3 py-2 text-gray-700">{row.column ?? "—"}</td>
              <td className="max-w-xs px-3 py-2 font-mono text-xs text-gray-800">
                <span className="block truncate" title={row.value ?? undefined}>
                  {row.value === null ? <span className="text-gray-400">—</span> : row.value === "" ? <span className="text-gray-400">(empty)</span> : row.value}
                </span>
              </td>
              <td className="px-3 py-2 text-gray-700">{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
