import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_lib/session";
import { ViewerZoneProvider } from "@/components/time";
import { Badge, EmptyState } from "@/components/ui";
import { ROLE_LABELS } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { CreateWorkspaceForm } from "./create-workspace-form";
import { ImportWorkspaceForm } from "./import-workspace-form";
import { ProfileForm } from "./profile-form";
import { CalendarFeedCard } from "./calendar-feed-card";
import { TimeZoneForm } from "./time-zone-form";
import { DetectZone } from "./detect-zone";
import { personZone } from "@/domain/time-zone";
import { UserMenu } from "./user-menu";
import { YourData } from "./your-data-card";

export const metadata: Metadata = { title: "Your workspaces" };
export const dynamic = "force-dynamic";

export default async function WorkspacesPage() {
  const actor = await requireActor("/w");
  const caller = await getServerCaller();
  const [workspaces, feed] = await Promise.all([caller.workspace.listMine(), caller.account.calendarFeed()]);
  return (
    <ViewerZoneProvider zone={personZone(actor.timeZone)}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-3">
            <span className="font-semibold text-brand-700">Loopwise</span>
            <UserMenu name={actor.name} email={actor.email} />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-6 py-10">
          <DetectZone needed={!actor.timeZone} />
          {!actor.name && (
            <div className="mb-8">
              <ProfileForm name={actor.name} />
            </div>
          )}
          <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
          <div className="mt-6 grid gap-6 md:grid-cols-[1fr_20rem]">
            <section aria-labelledby="ws-list">
              <h2 id="ws-list" className="sr-only">
                Workspaces
              </h2>
              {workspaces.length === 0 ? (
                <EmptyState title="You are not in a workspace yet">
                  Create one for your team, or accept an invitation from your email.
                </EmptyState>
              ) : (
                <ul className="space-y-2">
                  {workspaces.map((w) => (
                    <li key={w.id}>
                      <Link
                        href={`/w/${w.slug}`}
                        className="flex items-center justify-between rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
                      >
                        <span>
                          <span className="block font-medium">{w.name}</span>
                          <span className="text-sm text-slate-600">
                            /{w.slug} · {w.timeZone}
                          </span>
                        </span>
                        <Badge tone="blue">{ROLE_LABELS[w.role]}</Badge>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <div className="space-y-6">
              <CreateWorkspaceForm />
              <ImportWorkspaceForm />
            </div>
          </div>
          <div className="mt-8 grid gap-6 lg:grid-cols-2">
            {/* Keyed by the saved zone, so a zone detected after the first render (DetectZone) shows at once. */}
            <TimeZoneForm key={actor.timeZone ?? "none"} timeZone={personZone(actor.timeZone)} />
            <CalendarFeedCard feed={feed} />
            {/* Erasing is for people who are candidates everywhere; the server checks it again. */}
            <YourData email={actor.email} canErase={workspaces.every((w) => w.role === "candidate")} />
          </div>
        </main>
      </div>
    </ViewerZoneProvider>
  );
}
