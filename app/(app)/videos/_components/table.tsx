import type { ReactNode } from "react";

// The house table look (see the Reports page's tables), shared by the claims and metrics tables.
export const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
export const td = "px-3 py-2 text-gray-800";

export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}
