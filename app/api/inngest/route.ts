import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { inngestServeOptions } from "@/inngest/serve-options";

// A step must finish within one request: the largest import steps (100,000 videos) take ~20 s here; hosts that
// honour it (Vercel) get room to spare.
export const maxDuration = 300;

// No session here: every request must carry the signing key's signature, which the SDK checks (see serve-options).
export const { GET, POST, PUT } = serve({ client: inngest, functions, ...inngestServeOptions() });
