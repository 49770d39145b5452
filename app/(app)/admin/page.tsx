import type { Metadata } from "next";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "./_components/admin-shell";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Admin · Users & roles" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const me = await requirePageAdmin();
  const users = await listUsers(await getDb());
  return (
    <AdminShell current="users" description="Who can sign in, and who may manage users, channels and the database.">
      <section aria-labelledby="users-heading" className="space-y-4">
        <h2 id="users-heading" className="text-lg font-semibold text-gray-900">
          Users <span className="text-sm font-normal text-gray-500">({users.length})</span>
        </h2>
        <UsersTable users={users} currentUserId={me.id} />
        <CreateUserForm />
      </section>
    </AdminShell>
  );
}
