// Runs once when the Next.js server starts, in the process that owns the HTTP server, before it serves a request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Sign-in's per-address slow-down needs the TCP peer, which Next does not pass on (lib/auth/client-address.ts).
    const { stampPeerAddresses } = await import("./lib/auth/client-address");
    stampPeerAddresses();
  }
}
