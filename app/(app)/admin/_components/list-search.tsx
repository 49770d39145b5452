import Link from "next/link";

/**
 * A plain GET form: the search lands in the URL (shareable, back button works) and needs no script. Searching
 * starts again at page 1.
 */
export function ListSearch({ action, label, placeholder, value }: { action: string; label: string; placeholder: string; value: string }) {
  return (
    <form role="search" action={action} method="get" className="flex flex-wrap items-center gap-2">
      <label htmlFor="admin-list-search" className="sr-only">
        {label}
      </label>
      <input
        id="admin-list-search"
        type="search"
        name="search"
        defaultValue={value}
        maxLength={200}
        placeholder={placeholder}
        className="w-72 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm placeholder:text-gray-400 focus:border-blue-600 focus:outline-2 focus:outline-offset-0 focus:outline-blue-600/30"
      />
      <button
        type="submit"
        className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        Search
      </button>
      {value && (
        <Link href={action} className="text-sm text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-blue-600">
          Clear search
        </Link>
      )}
    </form>
  );
}
