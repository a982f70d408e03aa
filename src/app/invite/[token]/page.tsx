import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { requireActor } from "@/app/_lib/session";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { AcceptForm } from "./accept-form";
import { Alert } from "@/components/ui";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActor(`/invite/${token}`);
  let preview;
  let problem: string | null = null;
  try {
    preview = await (await getServerCaller()).invitation.preview({ token });
  } catch (err) {
    problem = err instanceof TRPCError ? err.message : "This invitation could not be loaded.";
  }
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <p className="text-sm font-semibold text-brand-700">Loopwise</p>
      {problem || !preview ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold">Invitation not available</h1>
          <p className="mt-3 text-slate-700" role="alert">
            {problem}
          </p>
          <p className="mt-2 text-sm text-slate-600">You are signed in as {actor.email}.</p>
        </>
      ) : (
        <>
          <h1 className="mt-1 text-2xl font-semibold">Join {preview.workspaceName}</h1>
          <p className="mt-3 text-slate-700">
            {preview.invitedBy} invited you ({preview.email}) as <strong>{ROLE_LABELS[preview.role]}</strong>.{" "}
            {ROLE_DESCRIPTIONS[preview.role]}
          </p>
          {preview.status !== "pending" ? (
            <Alert boxed className="mt-4">
              This invitation is {preview.status}.{" "}
              {preview.status === "accepted" ? "" : "Ask the workspace owner for a new one."}
            </Alert>
          ) : (
            <AcceptForm token={token} name={actor.name ?? ""} timeZone={actor.timeZone} />
          )}
        </>
      )}
      <Link className="mt-6 text-sm font-medium text-brand-700 hover:underline" href="/w">
        Go to your workspaces
      </Link>
    </main>
  );
}
