import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/app/_lib/session";
import { safeRedirectPath } from "@/domain/redirect";
import { isLocalRequest } from "@/domain/request";
import { oauthProviders } from "@/server/auth";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { listDemoUsers } from "@/server/services/demo";
import { peekInvitation } from "@/server/services/invitation";
import { ROLE_LABELS } from "@/domain/roles";
import { EmailSignInForm, OAuthButtons } from "./sign-in-forms";
import { Alert } from "@/components/ui";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  Verification:
    "That sign-in link is no longer valid: links work once and expire after 10 minutes. Request a new one below.",
  EmailSignin: "We could not send the sign-in email. Please try again in a moment.",
  RateLimited:
    "Too many sign-in emails were requested for this address or from your network. Wait a few minutes, then try again.",
  OAuthAccountNotLinked: "This email is already linked to another sign-in method. Use the method you used first.",
  default: "Sign-in failed. Please try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const env = getEnv();
  // Normalised once, here; the forms and the redirect below only ever see a same-origin path.
  const callbackUrl = safeRedirectPath(params.callbackUrl, env.appUrl);
  if (await currentActor()) redirect(callbackUrl);
  // The demo sign-in answers only this machine, so only this machine is offered it.
  const demo = env.demo && isLocalRequest(await headers(), PEER_ADDRESS_HEADER);
  const demoUsers = demo ? await listDemoUsers(getDb()) : [];
  const providers = oauthProviders().map((p) => ({ id: p.id, name: p.name }));
  const error = params.error ? (ERRORS[params.error] ?? ERRORS.default) : null;
  // Arriving from an invitation link: say who invited them where, and pre-fill the address it went to.
  const inviteToken = callbackUrl.match(/^\/invite\/([A-Za-z0-9_-]{20,100})$/)?.[1];
  const invitation = inviteToken ? await peekInvitation(getDb(), inviteToken).catch(() => null) : null;

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold text-brand-700">Loopwise</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">
        {invitation ? `Join ${invitation.workspaceName}` : "Sign in"}
      </h1>
      {invitation && (
        <p className="mt-2 text-sm text-slate-700" data-testid="invitation-context">
          {invitation.invitedBy} invited you as {ROLE_LABELS[invitation.role].toLowerCase()}. Sign in with{" "}
          {invitation.email} to accept; you choose your name and time zone next.
        </p>
      )}
      {error && (
        <Alert boxed className="mt-4">
          {error}
        </Alert>
      )}
      <div className="mt-6 space-y-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <EmailSignInForm callbackUrl={callbackUrl} initialEmail={invitation?.email ?? ""} />
        {providers.length > 0 && <OAuthButtons providers={providers} callbackUrl={callbackUrl} />}
      </div>
      {demo && (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-lg bg-amber-50 p-6 ring-1 ring-amber-200">
          <h2 id="demo-heading" className="font-semibold text-amber-900">
            Demo mode: sign in as a demo user
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            No email needed. Sign-in emails to other addresses appear in the{" "}
            <a className="underline" href="/dev/mail">
              dev mailbox
            </a>
            .
          </p>
          <ul className="mt-4 space-y-2">
            {demoUsers.map((u) => (
              <li key={u.id}>
                <form method="post" action="/api/demo/sign-in">
                  <input type="hidden" name="email" value={u.email ?? ""} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button
                    type="submit"
                    className="flex w-full items-center justify-between rounded-md bg-white px-3 py-2 text-left text-sm ring-1 ring-amber-200 hover:bg-amber-100"
                  >
                    <span className="font-medium">{u.name}</span>
                    <span className="text-slate-700">{u.blurb}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
