// Where to send a user after sign-in. Only same-origin destinations are allowed: an absolute URL on
// another host, a protocol-relative URL (//host) and the backslash trick (/\host, which browsers read as
// //host) all fall back to the app's home.

export function safeRedirect(url: string | null | undefined, baseUrl: string, fallback = "/w"): string {
  const base = new URL(baseUrl);
  const home = new URL(fallback, base).toString();
  if (!url) return home;
  const trimmed = url.trim();
  // Any backslash or control character is refused outright: browsers normalise them unpredictably.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f]/.test(trimmed)) return home;
  if (trimmed.startsWith("//")) return home;
  let target: URL;
  try {
    target = new URL(trimmed, base);
  } catch {
    return home;
  }
  if (target.origin !== base.origin) return home;
  return target.toString();
}
