"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { FormMessage } from "@/app/_components/form-message";
import { EDIT_LIMITS, splitList, type EditableField } from "@/lib/videos/edit-schema";
import type { VideoRecord } from "@/lib/videos/types";
import { EditField, type EditFieldSpec } from "./edit-field";
import { fieldLabel } from "./format-value";
import { sendVideoRequest, videoUrl } from "./video-api";

const LIST_HINT = "Separate several with a semicolon (;).";
const FIELDS: EditFieldSpec[] = [
  { name: "title", label: "Title", maxLength: EDIT_LIMITS.title },
  { name: "artist", label: "Artist", hint: LIST_HINT, list: true },
  { name: "genre", label: "Genre", hint: LIST_HINT, list: true },
  { name: "label", label: "Label", maxLength: EDIT_LIMITS.label },
  { name: "category", label: "Category", maxLength: EDIT_LIMITS.category },
  { name: "custom_id", label: "Custom ID", maxLength: EDIT_LIMITS.custom_id },
  { name: "asset_id", label: "Asset ID", maxLength: EDIT_LIMITS.asset_id, hint: "The Content ID asset, e.g. A123456789012345." },
  { name: "notes", label: "Notes", maxLength: EDIT_LIMITS.notes, multiline: true },
];

type Values = Record<EditableField, string>;

function valuesOf(video: VideoRecord): Values {
  const text = (v: string | string[] | null) => (Array.isArray(v) ? v.join("; ") : (v ?? ""));
  return Object.fromEntries(FIELDS.map((f) => [f.name, text(video[f.name])])) as Values;
}

/** Edits the fields a person owns; only changed fields are sent, and the page refreshes to show the new history. */
export function EditForm({ video }: { video: VideoRecord }) {
  const router = useRouter();
  const baseline = valuesOf(video);
  const [values, setValues] = useState<Values>(baseline);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changed = FIELDS.filter((f) => values[f.name].trim() !== baseline[f.name].trim());
    if (changed.length === 0) {
      setErrors({});
      setMessage({ success: "Nothing to save: no field differs from the stored value." });
      return;
    }
    const body = Object.fromEntries(changed.map((f) => [f.name, f.list ? splitList(values[f.name]) : values[f.name]]));
    setBusy(true);
    setMessage({});
    const result = await sendVideoRequest<{ changes: Record<string, unknown> }>(videoUrl(video.video_id, "update"), "POST", body);
    setBusy(false);
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const d of result.details) byField[d.field.split(".")[0]] ??= d.message;
      setErrors(byField);
      setMessage({ error: result.message });
      return;
    }
    setErrors({});
    const saved = Object.keys(result.data.changes).map(fieldLabel);
    setMessage({ success: saved.length ? `Saved: ${saved.join(", ")}.` : "Nothing changed: the values were already stored." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Edit video">
      <div className="grid gap-4 md:grid-cols-2">
        {FIELDS.map((spec) => (
          <EditField
            key={spec.name}
            spec={spec}
            value={values[spec.name]}
            error={errors[spec.name]}
            onChange={(value) => setValues((v) => ({ ...v, [spec.name]: value }))}
          />
        ))}
      </div>
      <FormMessage error={message.error} success={message.success} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save changes"}</Button>
        <Button variant="ghost" disabled={busy} onClick={() => { setValues(baseline); setErrors({}); setMessage({}); }}>
          Reset
        </Button>
      </div>
    </form>
  );
}
