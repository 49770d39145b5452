import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP, type Socket } from "node:net";
import { getEnv } from "@/lib/env";

// The client's address for the sign-in slow-down and the login metadata. X-Forwarded-For is whatever the
// client wrote until a proxy we trust appended to it, and Next.js hands route handlers and server actions
// neither the TCP peer nor its own view of it (`next start` only fills X-Forwarded-For from the socket when
// the client sent none). So a hook on Node's HTTP server writes the TCP peer into a header of every request
// before Next sees it, overwriting anything a client put there; instrumentation.ts installs it at start-up.

export const PEER_ADDRESS_HEADER = "x-catalog-peer-address";

type HeaderSource = { get(name: string): string | null };
const state = globalThis as { __catalogPeerAddressHook?: boolean; __catalogPeerAddressWarned?: boolean };

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  const address = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") ?? "";
  return isIP(address) ? address : null;
}

/** Installs the hook once per process (the channel is Node's own: it fires for every http/https server). */
export function stampPeerAddresses(): void {
  if (state.__catalogPeerAddressHook) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = normalizeAddress(socket.remoteAddress);
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
  state.__catalogPeerAddressHook = true;
}

function peerAddress(headers: HeaderSource, hooked: boolean): string | null {
  if (hooked) return normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  // Without the hook the header could come from anyone: no address is safer than a chosen one.
  if (!state.__catalogPeerAddressWarned && getEnv().NODE_ENV !== "test") {
    state.__catalogPeerAddressWarned = true;
    console.warn("[auth] client addresses are unknown (instrumentation.ts did not install the peer-address hook): the per-address sign-in limit is off.");
  }
  return null;
}

/**
 * The client address: with TRUSTED_PROXY_HOPS=0 the TCP peer; with N, the Nth address from the right of
 * X-Forwarded-For (each trusted proxy appends the address it saw, so that one was written by the outermost
 * proxy we trust). A request with fewer entries than N did not come through the proxies: the peer it is.
 */
export function clientAddress(
  headers: HeaderSource | null | undefined,
  options: { trustedHops?: number; peerHooked?: boolean } = {},
): string | null {
  if (!headers) return null;
  const hops = options.trustedHops ?? getEnv().TRUSTED_PROXY_HOPS;
  const hooked = options.peerHooked ?? Boolean(state.__catalogPeerAddressHook);
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (hops === 0 || forwarded.length < hops) return peerAddress(headers, hooked);
  return normalizeAddress(forwarded[forwarded.length - hops]);
}
