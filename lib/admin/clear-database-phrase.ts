// Browser-safe: the confirmation form and the route compare against the same words.

/** What a person types to confirm clearing the database; the route requires it verbatim. */
export const CLEAR_DATABASE_PHRASE = "DELETE ALL DATA";
