"use client";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { inputClasses } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { apiJson } from "@/app/(app)/reports/_components/api";
import { formatCount } from "@/app/(app)/reports/_components/format";
import { CLEAR_DATABASE_PHRASE } from "@/lib/admin/clear-database-phrase";

type Cleared = { cleared: { videos: number; reports: number; channels: number; assets: number } };

/** Typed confirmation: the button stays disabled until the phrase is typed exactly; the server checks it again. */
export function ClearDatabaseForm({ blocked }: { blocked: boolean }) {
  const id = useId();
  const router = useRouter();
  const [phrase, setPhrase] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const matches = phrase === CLEAR_DATABASE_PHRASE;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setError(null);
    setSuccess(null);
    try {
      const { cleared } = await apiJson<Cleared>("/api/admin/clear-database", { method: "POST", body: JSON.stringify({ confirm: phrase }) });
      setSuccess(
        `The database is cleared: ${formatCount(cleared.videos)} videos, ${formatCount(cleared.channels)} channels, ${formatCount(cleared.assets)} assets and ${formatCount(cleared.reports)} imports were removed.`,
      );
      setPhrase("");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="max-w-sm space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-gray-800">
          Type <span className="font-mono font-semibold text-red-800">{CLEAR_DATABASE_PHRASE}</span> to confirm
        </label>
        <input
          id={id}
          value={phrase}
          onChange={(e) => setPhrase(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          className={inputClasses}
        />
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          Capital letters, exactly as shown. This cannot be undone.
        </p>
      </div>
      <Button type="submit" variant="danger" disabled={!matches || busy || blocked}>
        {busy ? "Clearing…" : "Clear database"}
      </Button>
      <FormMessage error={error} success={success} />
    </form>
  );
}
