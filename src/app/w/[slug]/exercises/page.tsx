import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "Calibration exercises" };
export const dynamic = "force-dynamic";

export default async function ExercisesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.take");
  const { exercises } = await (await getServerCaller()).exercise.list({ workspaceId: ws.id });
  const manages = can(ws.role, "exercise.manage");
  return (
    <>
      <PageHeader
        title="Calibration exercises"
        description="Rate a written-out answer blind with the normal scorecard, then see your ratings beside the coach's reference and the panel's."
        actions={
          manages ? (
            <Link
              href={`/w/${slug}/exercises/new`}
              className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              New exercise
            </Link>
          ) : undefined
        }
      />
      <p className="-mt-4 mb-6 text-sm">
        <Link href={`/w/${slug}/how-i-rate`} className="font-medium text-brand-700 underline">
          How I rate
        </Link>{" "}
        shows your own leniency, scale use and agreement with the panel.
      </p>
      {exercises.length === 0 ? (
        <EmptyState title="No exercises yet">
          {manages
            ? "Write the first practice case: an answer written out, and your reference rating of each signal."
            : "A coach has not published a practice case yet."}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" data-testid="exercise-list">
          {exercises.map((e) => (
            <li key={e.id}>
              <Card
                title={e.title}
                description={`${e.roundType} · ${e.signals} signals${e.recurDays ? ` · every ${e.recurDays} days` : ""}`}
              >
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {e.suggested ? (
                    <Badge tone="amber">Suggested</Badge>
                  ) : e.state === "new" ? (
                    <Badge tone="blue">Not rated yet</Badge>
                  ) : e.state === "due" ? (
                    <Badge tone="amber">Due again</Badge>
                  ) : e.lastAttempt?.passed ? (
                    <Badge tone="green">Passed</Badge>
                  ) : (
                    <Badge tone="red">Not passed</Badge>
                  )}
                  {e.lastAttempt && (
                    <span className="text-slate-600">
                      Last rated <LocalTime value={e.lastAttempt.submittedAt} />
                    </span>
                  )}
                  {e.dueAt && e.state === "done" && (
                    <span className="text-slate-600">
                      · due again <LocalTime value={e.dueAt} />
                    </span>
                  )}
                  {e.attempts !== null && <span className="text-slate-600">· {e.attempts} attempts in all</span>}
                </div>
                {e.why && <p className="mt-2 text-sm text-slate-700">{e.why}</p>}
                <Link
                  href={`/w/${slug}/exercises/${e.id}`}
                  className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
                >
                  {e.mayAttempt ? `Rate “${e.title}”` : `See your comparison for “${e.title}”`}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
