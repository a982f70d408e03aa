// Signing in without next-auth's client bundle (next-auth/react and its Babel runtime weigh ~9 KiB gzip on the
// sign-in page for this one call): the same two requests its signIn() makes — a CSRF token, then the sign-in
// POST — then the page the server answers with (the provider's consent page, or the check-your-email page).
export async function signInWith(provider: string, callbackUrl: string, fields: Record<string, string> = {}) {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch(`/api/auth/signin/${encodeURIComponent(provider)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json()) as { url?: string };
  const next = url ?? callbackUrl;
  window.location.href = next;
  // A link to an anchor on the same page would not load it: next-auth reloads in that case too.
  if (next.includes("#")) window.location.reload();
}
