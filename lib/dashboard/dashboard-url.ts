import { getEnv } from "@/lib/env";

/** The link an admin opens on the wall screen: the dashboard page with the token it hands to channel auth. */
export function dashboardUrl(token: string): string {
  const url = new URL("/dashboard", getEnv().APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}
