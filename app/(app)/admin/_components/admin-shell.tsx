import type { ReactNode } from "react";
import { PageHeader } from "@/app/_components/page-header";
import { AdminTabs, type AdminTab } from "./admin-tabs";

/** Frame of every admin page: title, the section tabs, then the tab's own content. */
export function AdminShell({ current, description, children }: { current: AdminTab; description: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <div className="space-y-4">
        <PageHeader title="Admin" description={description} />
        <AdminTabs current={current} />
      </div>
      {children}
    </div>
  );
}
