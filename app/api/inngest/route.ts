import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

// Requests are verified with the signing key by the SDK itself, so this route needs no session.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
