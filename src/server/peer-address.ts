// The address of the machine at the other end of each HTTP connection, for "is this request local?"
// Route handlers in Next.js do not see the socket, and X-Forwarded-For is whatever the client sent, so the
// server stamps each incoming request with the socket's peer address in a header of its own, overwriting
// any value a client tried to send. Node publishes every request on this diagnostics channel before the
// server's request handler runs.
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-loopwise-peer-address";

const holder = globalThis as unknown as { __loopwisePeerAddress?: boolean };

export function recordPeerAddresses(): void {
  if (holder.__loopwisePeerAddress) return;
  holder.__loopwisePeerAddress = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}

/**
 * The client's address for per-IP limits: the socket's peer, or, with TRUST_PROXY on (behind a reverse
 * proxy that appends the address it saw to X-Forwarded-For), the last X-Forwarded-For entry. Earlier
 * entries are whatever the client sent, so they are never used.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustProxy: boolean): string {
  if (trustProxy) {
    const hops =
      headers
        .get("x-forwarded-for")
        ?.split(",")
        .map((h) => h.trim())
        .filter(Boolean) ?? [];
    const last = hops.at(-1);
    if (last) return last;
  }
  return headers.get(PEER_ADDRESS_HEADER) || "unknown";
}
