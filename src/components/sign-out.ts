// Signing out without next-auth's client bundle (next-auth/react weighs ~14 KiB gzip on every page for this one
// call): the same two requests its signOut() makes — a CSRF token, then the sign-out POST — then the sign-in page.
export async function signOutToSignIn(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  // A full page load on purpose: nothing of the signed-out session (query caches, client state) may survive.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
  window.location.assign("/sign-in");
}
