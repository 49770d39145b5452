import { EmptyState } from "@/app/_components/empty-state";

// Shown for a malformed id and for an id the catalog does not hold (deleted, or never imported).
export default function VideoNotFound() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <EmptyState title="No such video in the catalog" action={{ href: "/", label: "Back to the catalog" }}>
        The link may be mistyped, the video may have been deleted, or no imported report lists it yet. Search the catalog by title, video id or
        asset id.
      </EmptyState>
    </div>
  );
}
