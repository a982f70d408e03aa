import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/time";
import { Badge, EmptyState } from "@/components/ui";
import { currentActor } from "@/app/_lib/session";
import { isLocalRequest } from "@/domain/request";
import { getDb } from "@/server/db";
import { usesDevMailbox } from "@/server/email";
import { getEnv } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { devMailboxAccess, listDevMailbox } from "@/server/services/email";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

export default async function DevMailPage() {
  const env = getEnv();
  const db = getDb();
  const localRequest = isLocalRequest(await headers(), PEER_ADDRESS_HEADER);
  const filter = await devMailboxAccess(
    db,
    { demo: env.demo, devMailbox: usesDevMailbox(), localRequest },
    await currentActor(),
  );
  if (!filter) notFound();
  const messages = await listDevMailbox(db, filter);
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        {usesDevMailbox()
          ? "No mail provider is configured (RESEND_API_KEY), so messages are kept here instead of being sent."
          : "Messages as rendered; they are also delivered through Resend."}{" "}
        Newest first; the 50 most recent.
      </p>
      <div className="mt-6 space-y-4">
        {messages.length === 0 && (
          <EmptyState title="No messages yet">
            Request a sign-in link or invite someone, and the email appears here.
          </EmptyState>
        )}
        {messages.map((m) => (
          <article
            key={m.id}
            aria-label={`Email to ${m.to}: ${m.subject}`}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            data-testid="dev-mail"
          >
            <header className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <h2 className="font-semibold">{m.subject}</h2>
                <p className="text-sm text-slate-600">
                  To <span data-testid="dev-mail-to">{m.to}</span> · <LocalTime value={m.createdAt} />
                </p>
              </div>
              <Badge tone={m.status === "sent" ? "green" : m.status === "dead" ? "red" : "amber"}>{m.status}</Badge>
            </header>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Show message</summary>
              <iframe
                title={`Rendered email: ${m.subject}`}
                sandbox=""
                srcDoc={m.html}
                className="mt-3 h-96 w-full rounded border border-slate-200"
              />
            </details>
            <pre
              tabIndex={0}
              aria-label="Message text"
              className="mt-3 max-h-60 overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-800"
              data-testid="dev-mail-text"
            >
              {m.text}
            </pre>
          </article>
        ))}
      </div>
    </main>
  );
}
