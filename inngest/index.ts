import { drainEnrichment } from "./functions/drain-enrichment";
import { importReport } from "./functions/import-report";

/** Every function the app serves at /api/inngest. */
export const functions = [importReport, drainEnrichment];
