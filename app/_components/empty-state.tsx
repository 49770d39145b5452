import Link from "next/link";
import type { ReactNode } from "react";

/** What a page shows when it has nothing yet: what is missing and the next step to take. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center" aria-label={title}>
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      {children && <div className="mx-auto mt-2 max-w-md text-sm text-gray-600">{children}</div>}
      {action && (
        <Link
          href={action.href}
          className="mt-5 inline-flex items-center rounded-md bg-gray-900 px-3.5 py-2 text-sm font-medium text-white hover:bg-gray-700"
        >
          {action.label}
        </Link>
      )}
    </section>
  );
}
