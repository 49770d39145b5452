// Page sizes shared by the server's first render and the client's refetches, so both ask for the same page.
export const BUCKET_PAGE_SIZE = 25;
export const HISTORY_PAGE_SIZE = 25;
/** The detail page lists this many rejected rows; the CSV download has all of them. */
export const REJECTED_PREVIEW_LIMIT = 100;
