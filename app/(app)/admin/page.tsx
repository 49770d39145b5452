import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { getSessionUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await getSessionUser();
  if (me?.role !== "admin") {
    return (
      <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        <PageHeader title="Admin" description="Only admins can see this page. Ask an admin if you need access." />
      </div>
    );
  }
  const users = await listUsers(await getDb());
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title="Admin" description="Users and roles. Admins manage users, channels, syncs and the database." />
      <section aria-labelledby="users-heading" className="space-y-4">
        <h2 id="users-heading" className="text-lg font-semibold text-gray-900">
          Users <span className="text-sm font-normal text-gray-500">({users.length})</span>
        </h2>
        <UsersTable users={users} currentUserId={me.id} />
        <CreateUserForm />
      </section>
    </div>
  );
}
