// Which URLs a webhook may be sent to. In production: https only, and never to a private, loopback,
// link-local or otherwise internal address (a webhook must not let an owner make the server call into its
// own network: SSRF). Outside production, plain http to this machine (127.0.0.1, localhost, [::1]) is
// allowed too, for local receivers and tests. The host's addresses are checked again when a delivery
// connects (src/server/webhooks/http.ts), since a name can resolve to anything.

export interface UrlRules {
  production: boolean;
  /** Production build under test: allow http to this machine only (WEBHOOKS_ALLOW_LOOPBACK). */
  allowLoopback?: boolean;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function ipv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a! >= 224
  );
}

/** True for an address no webhook may reach in production: private, loopback, link-local, multicast, reserved. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = ipv4(bare);
  if (v4) return privateIpv4(v4);
  if (!bare.includes(":")) return false;
  // IPv4-mapped or -compatible IPv6 (::ffff:10.0.0.1): judged by the IPv4 address.
  const mapped = /^::(ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return privateIpv4(ipv4(mapped[2]!) ?? [0]);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return privateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  if (bare === "::" || bare === "::1") return true;
  const first = parseInt(bare.split(":")[0] || "0", 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast ff00::/8
    first === 0x64 // NAT64 64:ff9b::/96 reaches IPv4 addresses, private ones included
  );
}

/** What is wrong with a webhook URL for these rules, in words for the form; null when it may be used. */
export function webhookUrlProblem(raw: string, rules: UrlRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://example.com/webhooks/loopwise.";
  }
  if (url.username || url.password) return "Put no user name or password in the URL; use the signing secret instead.";
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK_NAMES.has(host);
  const loopbackAllowed = !rules.production || !!rules.allowLoopback;
  if (url.protocol === "http:") {
    if (loopback && loopbackAllowed) return null;
    return "Use an https:// URL: events carry workspace data and must be encrypted on the way.";
  }
  if (url.protocol !== "https:") return "Use an https:// URL.";
  if (!rules.production || (loopback && loopbackAllowed)) return null;
  if (loopback || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal"))
    return "That URL points inside a private network. Use a public https:// address.";
  if (isPrivateAddress(host)) return "That URL points at a private or reserved address. Use a public https:// address.";
  return null;
}
