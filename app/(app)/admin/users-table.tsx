import type { PublicUser } from "@/lib/auth/users";
import { UserActions } from "./user-actions";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export function UsersTable({ users, currentUserId }: { users: PublicUser[]; currentUserId: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-4 py-2">User</th>
            <th scope="col" className="px-4 py-2">Role</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Last sign-in</th>
            <th scope="col" className="px-4 py-2 text-right">Sign-ins</th>
            <th scope="col" className="px-4 py-2">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? "bg-gray-50 text-gray-500" : undefined}>
              <td className="px-4 py-3 align-top">
                <div className="font-medium text-gray-900">{u.email}</div>
                <div className="text-xs text-gray-500">{u.name ?? "—"}{u.id === currentUserId ? " · you" : ""}</div>
              </td>
              <td className="px-4 py-3 align-top">{u.role}</td>
              <td className="px-4 py-3 align-top">{u.disabled ? "Disabled" : "Active"}</td>
              <td className="px-4 py-3 align-top">
                {/* Current = this session's sign-in; previous = the one before it. */}
                <div>{when(u.currentLoginAt)}{u.currentLoginIp ? ` from ${u.currentLoginIp}` : ""}</div>
                {u.lastLoginAt && (
                  <div className="text-xs text-gray-500">
                    before: {when(u.lastLoginAt)}{u.lastLoginIp ? ` from ${u.lastLoginIp}` : ""}
                  </div>
                )}
              </td>
              <td className="px-4 py-3 text-right align-top tabular-nums">{u.loginCount}</td>
              <td className="px-4 py-3 align-top">
                <UserActions id={u.id} email={u.email} role={u.role} disabled={u.disabled} isSelf={u.id === currentUserId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
