import Link from "next/link";
import { Button } from "@/app/_components/button";

/** The catalog has no videos at all: the next step is an import. */
export function NoVideosYet() {
  return (
    <section aria-label="No videos yet" className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-gray-900">No videos yet — import a report on the Reports page</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-gray-600">
        Upload a YouTube CMS video report (CSV, optionally gzipped) or pick one from the bucket, then start the import. Videos
        appear here as soon as it finishes. Videos of hidden channels and hidden videos are left out of this view: choose
        &ldquo;Hidden only&rdquo; or &ldquo;Visible and hidden&rdquo; under More filters to see them.
      </p>
      <Link href="/reports" className="mt-5 inline-flex items-center rounded-md bg-gray-900 px-3.5 py-2 text-sm font-medium text-white hover:bg-gray-700">
        Go to Reports
      </Link>
    </section>
  );
}

/** Filters that match nothing (or a page past the end): say so and offer the way back. */
export function NoMatches({ pastTheEnd, onClear, onFirstPage }: { pastTheEnd: boolean; onClear: () => void; onFirstPage: () => void }) {
  return (
    <section aria-label="No matching videos" className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-gray-900">{pastTheEnd ? "This page is past the last one" : "No videos match these filters"}</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-gray-600">
        {pastTheEnd ? "The list got shorter since this page was opened." : "Try fewer filters or a shorter search term."}
      </p>
      <div className="mt-5">
        {pastTheEnd ? <Button onClick={onFirstPage}>Go to the first page</Button> : <Button onClick={onClear}>Clear filters</Button>}
      </div>
    </section>
  );
}

/** The request failed: the API's own message (a 400 names the parameter and what it accepts) and a retry. */
export function LoadError({ message, onRetry, onClear }: { message: string; onRetry: () => void; onClear: () => void }) {
  return (
    <section role="alert" aria-label="Could not load videos" className="rounded-lg border border-red-200 bg-red-50 px-6 py-8 text-center text-red-900">
      <h2 className="text-base font-semibold">Could not load the videos</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm">{message}</p>
      <div className="mt-4 flex justify-center gap-2">
        <Button onClick={onRetry}>Retry</Button>
        <Button variant="secondary" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    </section>
  );
}

export function KeyboardHint() {
  const key = "rounded border border-gray-300 bg-white px-1 font-mono text-[11px] text-gray-700";
  return (
    <p className="text-xs text-gray-500">
      Keyboard: <kbd className={key}>/</kbd> search · <kbd className={key}>↑</kbd> <kbd className={key}>↓</kbd> move between rows ·{" "}
      <kbd className={key}>Enter</kbd> open the video · <kbd className={key}>Ctrl</kbd>+<kbd className={key}>Enter</kbd> open in a new tab ·{" "}
      <kbd className={key}>Esc</kbd> clear a text filter
    </p>
  );
}
