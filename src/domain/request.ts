// Pure checks on request metadata: where a request comes from (same origin or not; this machine or not)
// and the security headers every response carries. Headers are passed as a lookup so this stays
// independent of the web framework.

type HeaderLookup = { get(name: string): string | null };

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The hostname of a Host header ("localhost:3000", "[::1]:3000") is a loopback name or address. */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  const name = h.startsWith("[") ? h.slice(0, h.indexOf("]") + 1) : h.replace(/:\d+$/, "");
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(name);
}

/**
 * A request made on this machine to this machine: the socket's peer address (recorded by the server, not
 * taken from the client) is loopback, every hop in X-Forwarded-For is loopback (a local reverse proxy
 * forwarding someone else is not local), and the Host names localhost (a DNS-rebinding page on another
 * name is not).
 */
export function isLocalRequest(headers: HeaderLookup, peerAddressHeader: string): boolean {
  if (!isLoopbackAddress(headers.get(peerAddressHeader))) return false;
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded && !forwarded.split(",").every((hop) => isLoopbackAddress(hop))) return false;
  return isLoopbackHost(headers.get("host"));
}

export type OriginVerdict = "same" | "cross" | "absent";

/**
 * Whether a request was sent by the app's own pages: its Origin (or, without one, its Referer's origin)
 * is the app's public origin or the origin of the Host it was sent to. Browsers always send Origin with
 * a cross-site POST, and a page cannot forge it or the Host; a non-browser client may send neither.
 */
export function requestOrigin(headers: HeaderLookup, appUrl: string): OriginVerdict {
  let source = headers.get("origin");
  if (!source) {
    const referer = headers.get("referer");
    if (!referer) return "absent";
    try {
      source = new URL(referer).origin;
    } catch {
      return "cross";
    }
  }
  if (source === "null") return "cross";
  const allowed = new Set([new URL(appUrl).origin]);
  const host = headers.get("host");
  if (host) for (const scheme of ["http", "https"]) allowed.add(`${scheme}://${host.toLowerCase()}`);
  try {
    return allowed.has(new URL(source).origin) ? "same" : "cross";
  } catch {
    return "cross";
  }
}

export function isStateChangingMethod(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

export interface SecurityHeaderOptions {
  nonce: string;
  /** Served over https (directly or behind a TLS-terminating proxy): adds HSTS and upgrades requests. */
  https: boolean;
  /** `next dev` needs eval (React's debugging) and a websocket for hot reload. */
  development: boolean;
}

/**
 * The Content-Security-Policy: scripts only with this response's nonce (and what they load, through
 * 'strict-dynamic'), no inline script. Styles allow 'unsafe-inline' because server-rendered markup
 * carries style attributes (charts, toasts, Next.js itself) that a nonce cannot cover.
 */
export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (options.https) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** A fresh CSP nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The security headers for the response to a request, with a fresh nonce: served over https when the
 * request came over TLS (`protocol`), a TLS-terminating proxy says so (X-Forwarded-Proto), or the app's
 * public URL is https.
 */
export function securityHeadersFor(
  headers: HeaderLookup,
  { protocol, appUrl, development }: { protocol: string; appUrl: string; development: boolean },
): Record<string, string> {
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return securityHeaders({
    nonce: newNonce(),
    https: protocol === "https:" || forwardedProto === "https" || appUrl.startsWith("https://"),
    development,
  });
}
