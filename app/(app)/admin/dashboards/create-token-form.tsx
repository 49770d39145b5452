"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { apiJson } from "@/app/(app)/reports/_components/api";
import type { DashboardTokenView } from "@/lib/dashboard/dashboard-tokens";

type Created = { token: string; dashboard_url: string; dashboard_token: DashboardTokenView };

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/** Names a new token; the secret and the screen's link are shown here once, and never again. */
export function CreateTokenForm({ onCreated }: { onCreated: (record: DashboardTokenView) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await apiJson<Created>("/api/admin/dashboard-tokens", { method: "POST", body: JSON.stringify({ name }) });
      setCreated(result);
      setName("");
      onCreated(result.dashboard_token);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-gray-900">New dashboard token</h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div className="w-80">
          <Field id={`${id}-name`} label="Name" hint="Where it runs, e.g. “Ops room TV”." value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </div>
        <Button type="submit" disabled={busy || !name.trim()}>
          {busy ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormMessage error={error} />
      {created && (
        <div role="status" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-medium">
            Token for “{created.dashboard_token.name}” created. Copy it now: it is shown only this once (only its hash is stored).
          </p>
          <div className="space-y-1">
            <p className="text-xs font-medium uppercase tracking-wide text-amber-800">Dashboard link — open it on the screen</p>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200">{created.dashboard_url}</code>
              <CopyButton text={created.dashboard_url} label="Copy the dashboard link" />
            </div>
          </div>
          <div className="space-y-1">
            <p className="text-xs font-medium uppercase tracking-wide text-amber-800">Token — for dashboards of your own (docs/realtime.md)</p>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200">{created.token}</code>
              <CopyButton text={created.token} label="Copy the token" />
            </div>
          </div>
          <Button variant="ghost" size="sm" onClick={() => setCreated(null)}>
            Done, hide it
          </Button>
        </div>
      )}
    </section>
  );
}
