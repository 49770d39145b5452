import Link from "next/link";

export const ADMIN_TABS = [
  { key: "users", href: "/admin", label: "Users & roles" },
  { key: "channels", href: "/admin/channels", label: "Channels" },
  { key: "assets", href: "/admin/assets", label: "Assets" },
  { key: "history", href: "/admin/history", label: "Processing history" },
  { key: "database", href: "/admin/database", label: "Database" },
  { key: "google", href: "/admin/google", label: "Google API" },
  { key: "dashboards", href: "/admin/dashboards", label: "Dashboards" },
] as const;

export type AdminTab = (typeof ADMIN_TABS)[number]["key"];

/**
 * The admin section's sub-navigation. Each tab is its own page, so these are links (Tab moves between them,
 * Enter opens one) marked with aria-current, not an in-page tablist.
 */
export function AdminTabs({ current }: { current: AdminTab }) {
  return (
    <nav aria-label="Admin sections" className="overflow-x-auto border-b border-gray-200">
      <ul className="flex min-w-max gap-1">
        {ADMIN_TABS.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${
                  active ? "border-gray-900 text-gray-900" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
