import type { Metadata } from "next";
import { LocalTime } from "@/components/time";
import { EmptyState, PageHeader } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "My schedule" };
export const dynamic = "force-dynamic";

export default async function SchedulePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "schedule.self");
  const rounds = await (await getServerCaller()).schedule.mySchedule({ workspaceId: ws.id });
  const now = new Date();
  return (
    <>
      <PageHeader
        title="My schedule"
        description="Your practice rounds, in your time zone. Set when you are free on the Availability page."
      />
      {rounds.length === 0 ? (
        <EmptyState title="Nothing scheduled yet">
          Your coach books your rounds; you will get an email with a calendar invitation.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {rounds.map((r) => (
            <li key={r.id} data-testid="schedule-round" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <p className="font-medium">{r.roundType}</p>
              <p className="text-sm text-slate-700">
                <LocalTime value={r.startsAt} /> · {r.durationMin} minutes {r.endsAt < now ? "(done)" : ""}
              </p>
              <p className="mt-1 text-sm text-slate-600">{r.description}</p>
              {r.location ? (
                <a className="mt-2 inline-block text-sm font-medium text-brand-700 underline" href={r.location}>
                  Join the call
                </a>
              ) : (
                <p className="mt-2 text-sm text-slate-600">The join link will be added by your coach.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
