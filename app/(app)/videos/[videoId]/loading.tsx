// Shown while the video's data loads (navigation from the catalog).
export default function LoadingVideo() {
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6" aria-busy="true">
      <p role="status" className="text-sm text-gray-600">Loading video…</p>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden className="h-40 animate-pulse rounded-lg border border-gray-200 bg-gray-100" />
      ))}
    </div>
  );
}
