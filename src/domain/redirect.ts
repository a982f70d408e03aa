// Where to send a user after sign-in. Only same-origin paths are allowed. The candidate is resolved
// with URL against the app's origin (so dot segments like /.//host or /w/../..//host are normalised the
// way a browser would), and the result is refused when it leaves the origin or when its normalised path
// starts with "//" or "/\" (a browser reads those as another host). Refused input falls back to `fallback`.

/** A same-origin path (with query and fragment) that always starts with exactly one "/". */
export function safeRedirectPath(url: string | null | undefined, baseUrl: string, fallback = "/w"): string {
  const base = new URL(baseUrl);
  if (!url) return fallback;
  const trimmed = url.trim();
  // Any backslash or control character is refused outright: browsers normalise them unpredictably.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(trimmed)) return fallback;
  let target: URL;
  try {
    target = new URL(trimmed, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  if (!target.pathname.startsWith("/") || /^\/[/\\]/.test(target.pathname)) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The same check, as an absolute URL on the app's origin (for next-auth and HTTP redirects). */
export function safeRedirect(url: string | null | undefined, baseUrl: string, fallback = "/w"): string {
  return new URL(safeRedirectPath(url, baseUrl, fallback), new URL(baseUrl).origin).toString();
}
