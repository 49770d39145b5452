import { inputClasses } from "@/app/_components/field";
import type { EditableField } from "@/lib/videos/edit-schema";

export type EditFieldSpec = { name: EditableField; label: string; hint?: string; maxLength?: number; list?: boolean; multiline?: boolean };

/** One labelled input of the edit form, with its hint and its validation message tied to it for screen readers. */
export function EditField({ spec, value, error, onChange }: { spec: EditFieldSpec; value: string; error?: string; onChange: (value: string) => void }) {
  const id = `edit-${spec.name}`;
  const describedBy = [spec.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: spec.name,
    value,
    maxLength: spec.maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: `${inputClasses} ${error ? "border-red-500 focus:border-red-600 focus:ring-red-600" : ""}`,
  };
  return (
    <div className={`space-y-1 ${spec.multiline ? "md:col-span-2" : ""}`}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {spec.label}
      </label>
      {spec.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      {spec.hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
