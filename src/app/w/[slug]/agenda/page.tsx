import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Badge, EmptyState, PageHeader, cx } from "@/components/ui";
import { WeekView } from "@/components/week-view";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "My agenda" };
export const dynamic = "force-dynamic";

export default async function AgendaPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
}) {
  const { slug } = await params;
  const view = (await searchParams).view === "week" ? "week" : "list";
  const ws = await loadWorkspaceWith(slug, "agenda.read");
  const rounds = await (await getServerCaller()).schedule.agenda({ workspaceId: ws.id });
  return (
    <>
      <PageHeader
        title="My agenda"
        description="Your upcoming rounds, in your time zone, with the kit for each."
        actions={
          <nav aria-label="Agenda view" className="inline-flex rounded-md bg-white p-0.5 ring-1 ring-slate-300">
            {(["list", "week"] as const).map((v) => (
              <Link
                key={v}
                href={v === "week" ? `/w/${slug}/agenda?view=week` : `/w/${slug}/agenda`}
                aria-current={view === v ? "page" : undefined}
                className={cx(
                  "rounded px-3 py-1.5 text-sm font-medium focus-ring",
                  view === v ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {v === "list" ? "List" : "Week"}
              </Link>
            ))}
          </nav>
        }
      />
      {rounds.length === 0 ? (
        <EmptyState title="No upcoming rounds">
          When a coach books you for a round, it appears here and in your email.
        </EmptyState>
      ) : view === "week" ? (
        <WeekView
          label="My agenda"
          initialWeek={rounds[0]!.startsAt}
          events={rounds.map((r) => ({
            id: r.id,
            start: r.startsAt,
            end: r.endsAt,
            title: r.roundType,
            subtitle: r.asShadow ? `${r.candidate} (shadowing)` : r.candidate,
            href: `/w/${slug}/rounds/${r.id}/scorecard`,
            tone: "green",
          }))}
        />
      ) : (
        <ul className="space-y-3">
          {rounds.map((r) => (
            <li
              key={r.id}
              data-testid="agenda-round"
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
            >
              <div>
                <p className="font-medium">
                  {r.roundType} with {r.candidate} {r.asShadow && <Badge tone="blue">shadowing</Badge>}
                </p>
                <p className="text-sm text-slate-700">
                  <LocalTime value={r.startsAt} /> – <LocalTime value={r.endsAt} style="short" />
                  {r.location && (
                    <>
                      {" · "}
                      <a className="text-brand-700 underline" href={r.location}>
                        join link
                      </a>
                    </>
                  )}
                </p>
              </div>
              <span className="flex gap-4">
                <Link
                  className="text-sm font-medium text-brand-700 hover:underline"
                  href={`/w/${slug}/kits/${r.roundTypeId}?minutes=${r.durationMin}${r.questionId ? `&question=${r.questionId}` : ""}`}
                >
                  Open kit
                </Link>
                <Link
                  className="text-sm font-medium text-brand-700 hover:underline"
                  href={`/w/${slug}/rounds/${r.id}/scorecard`}
                >
                  Scorecard
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
