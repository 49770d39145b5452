"use client";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormMessage } from "@/app/_components/form-message";
import { apiJson } from "@/app/(app)/reports/_components/api";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import type { DashboardTokenView } from "@/lib/dashboard/dashboard-tokens";
import { CreateTokenForm } from "./create-token-form";

/** The token list with revoke buttons, and the form that creates one (whose secret is shown once, above the list). */
export function DashboardTokens({ initial }: { initial: DashboardTokenView[] }) {
  const [tokens, setTokens] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  async function revoke(token: DashboardTokenView) {
    if (!window.confirm(`Revoke "${token.name}"? Screens using it stop getting updates when they next connect.`)) return;
    setBusyId(token.id);
    setError(null);
    try {
      const { dashboard_token } = await apiJson<{ dashboard_token: DashboardTokenView }>(`/api/admin/dashboard-tokens/${token.id}`, { method: "DELETE" });
      setTokens((list) => list.map((t) => (t.id === token.id ? dashboard_token : t)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="space-y-6">
      <CreateTokenForm onCreated={(record) => setTokens((list) => [record, ...list])} />
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-lg font-semibold text-gray-900">
          Dashboard tokens <span className="text-sm font-normal text-gray-500">({tokens.length})</span>
        </h2>
        <FormMessage error={error} />
        {tokens.length === 0 ? (
          <p className="text-sm text-gray-600">No dashboard tokens yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <thead className="bg-gray-50 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                <tr>
                  <th scope="col" className="px-4 py-2">Name</th>
                  <th scope="col" className="px-4 py-2">Token</th>
                  <th scope="col" className="px-4 py-2">Created</th>
                  <th scope="col" className="px-4 py-2">Last used</th>
                  <th scope="col" className="px-4 py-2">State</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td className="px-4 py-2 font-medium text-gray-900">{t.name}</td>
                    <td className="px-4 py-2 font-mono text-gray-700">{t.token_prefix}…</td>
                    <td className="px-4 py-2 text-gray-700">
                      <LocalTime iso={t.created_at} />
                      {t.created_by && <span className="block text-xs text-gray-500">by {t.created_by}</span>}
                    </td>
                    <td className="px-4 py-2 text-gray-700">{t.last_used_at ? <LocalTime iso={t.last_used_at} /> : <span className="text-gray-400">never</span>}</td>
                    <td className="px-4 py-2">
                      {t.revoked_at ? (
                        <span className="text-red-700">Revoked <LocalTime iso={t.revoked_at} /></span>
                      ) : (
                        <span className="text-green-700">Active</span>
                      )}
                    </td>
                    <td className="px-4 py-2 text-right">
                      {!t.revoked_at && (
                        <Button variant="danger" size="sm" disabled={busyId === t.id} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                          {busyId === t.id ? "Revoking…" : "Revoke"}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
