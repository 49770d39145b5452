import NextAuth from "next-auth";
import { authConfig } from "./config";

// The config is built per request (the lazy form) so environment changes — tests, the launcher — are seen.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
