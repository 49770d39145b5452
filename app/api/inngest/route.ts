import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

// A step must finish within one request: the largest import steps (100,000 videos) take ~20 s here; hosts that
// honour it (Vercel) get room to spare.
export const maxDuration = 300;

// Requests are verified with the signing key by the SDK itself, so this route needs no session.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
