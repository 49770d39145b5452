import { handlers } from "@/lib/auth";

// Auth.js's endpoints: sign-in callbacks, CSRF token, session, sign-out. Public by design.
export const { GET, POST } = handlers;
