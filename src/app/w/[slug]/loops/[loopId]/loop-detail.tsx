"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime, useViewerZone } from "@/components/time";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, Select, Skeleton } from "@/components/ui";
import { LOOP_STATUSES, canMoveLoop, type LoopStatus } from "@/domain/loop-status";
import { formatInZone } from "@/domain/time-zone";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { AddRound, CancelRound, RoundEditor } from "./round-forms";

// The week grid is fetched when its section is first opened.
const LoopWeek = dynamic(() => import("./loop-week").then((m) => m.LoopWeek), {
  ssr: false,
  loading: () => <Skeleton rows={4} />,
});

type LoopInput = { workspaceId: string; loopId: string };

export function LoopDetail({
  workspaceId,
  slug,
  loopId,
  canManage,
  served,
}: {
  workspaceId: string;
  slug: string;
  loopId: string;
  canManage: boolean;
  /** The loop as the server rendered it (null when it could not: the browser reads it and shows why). */
  served: Served<LoopInput, RouterOutputs["loop"]["get"]> | null;
}) {
  const loop = useLightQuery((api) => api.loop.get.query, { workspaceId, loopId }, served);
  const [suggesting, setSuggesting] = useState(false);
  const [weekOpen, setWeekOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  // Interviewers the coach swapped into a suggested option: `${option}:${roundId}` → member id.
  const [swaps, setSwaps] = useState<Record<string, string>>({});
  // What a write changes: the loop, and the suggestions if they are shown. (A render the router kept is read
  // again when it is shown on back/forward, src/trpc/replay.ts, so the server need not render the page again.)
  const refresh = () => void invalidate("loop", "schedule");
  const restore = useAction((api) => api.schedule.restoreRound.mutate, {
    onSuccess: (r) => {
      toast.success(
        r.status === "scheduled" ? "Cancellation undone; everyone gets an updated invitation" : "Cancellation undone",
      );
      refresh();
    },
  });
  const setStatus = useAction((api) => api.loop.setStatus.mutate, {
    onSuccess: (r) => {
      toast.success(`Loop is now ${r.status.replace("_", " ")}`);
      refresh();
    },
  });

  if (loop.isPending) return <Skeleton rows={6} />;
  if (loop.isError) return <Alert>{loop.error.message}</Alert>;
  const l = loop.data;
  const unscheduled = l.rounds.filter((r) => r.status === "unscheduled").length;
  const cancelled = l.rounds.filter((r) => r.status === "cancelled").length;

  return (
    <>
      <PageHeader
        title={`${l.candidate?.name ?? "Candidate"}: ${l.targetRole}`}
        description={`Level ${l.level} · coach ${l.coach?.name ?? "—"} · ${l.rounds.filter((r) => r.status === "scheduled").length} of ${l.rounds.filter((r) => r.status !== "cancelled").length} rounds booked${cancelled ? ` · ${cancelled} cancelled` : ""}`}
        actions={
          canManage && (
            <div className="flex items-end gap-2">
              <label htmlFor="loop-status" className="text-sm font-medium">
                Status
              </label>
              <Select
                id="loop-status"
                className="w-44"
                value={l.status}
                onChange={(e) => setStatus.mutate({ workspaceId, loopId, status: e.target.value as LoopStatus })}
              >
                {LOOP_STATUSES.filter((s) => s === l.status || canMoveLoop(l.status, s)).map((s) => (
                  <option key={s} value={s}>
                    {s.replace("_", " ")}
                  </option>
                ))}
              </Select>
            </div>
          )
        }
      />

      <p className="-mt-3 mb-4">
        <Link
          className="text-sm font-medium text-brand-700 hover:underline"
          href={`/w/${slug}/loops/${loopId}/debrief`}
        >
          Open the debrief
        </Link>
        {" · "}
        <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/w/${slug}/loops/${loopId}/report`}>
          Candidate report
        </Link>
      </p>
      {l.notes && (
        <p className="mb-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">Notes:</span> {l.notes}
        </p>
      )}
      <section aria-labelledby="timeline" className="mb-6">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5">
          {l.rounds.map((r) => (
            <li key={r.id} data-testid="timeline-round" data-status={r.status} className="relative">
              <span
                aria-hidden
                className={`absolute top-4 -left-[27px] size-3 rounded-full ${r.status === "scheduled" ? "bg-emerald-500" : r.status === "cancelled" ? "bg-red-400" : "bg-slate-300"}`}
              />
              <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-white p-3 ring-1 ring-slate-200">
                <div>
                  <p className="font-medium">
                    {r.order + 1}. {r.roundType.name}{" "}
                    <span className="text-sm font-normal text-slate-600">· {r.durationMin} min</span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {r.startsAt ? <LocalTime value={r.startsAt} /> : "Not scheduled"}
                    {r.interviewer ? ` · with ${r.interviewer.name}` : ""}
                  </p>
                  {r.status === "cancelled" && r.cancelReason && (
                    <p className="text-sm text-red-800">Cancelled: {r.cancelReason}</p>
                  )}
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={r.status === "scheduled" ? "green" : r.status === "cancelled" ? "red" : "gray"}>
                    {r.status}
                  </Badge>
                  {canManage && (
                    <Button
                      variant="ghost"
                      aria-expanded={editing === r.id}
                      onClick={() => setEditing(editing === r.id ? null : r.id)}
                      aria-label={`${r.status === "scheduled" ? "Move or edit" : r.status === "cancelled" ? "Book again" : "Book"} ${r.roundType.name} round ${r.order + 1}`}
                    >
                      {r.status === "scheduled" ? "Edit" : r.status === "cancelled" ? "Book again" : "Book"}
                    </Button>
                  )}
                  {canManage && r.status === "cancelled" && r.canRestore && (
                    <Button
                      variant="ghost"
                      busy={restore.isPending && restoring === r.id}
                      onClick={() => {
                        if (restore.isPending) return;
                        setRestoring(r.id);
                        restore.mutate({ workspaceId, roundId: r.id });
                      }}
                      aria-label={`Undo the cancellation of ${r.roundType.name} round ${r.order + 1}`}
                    >
                      Undo cancel
                    </Button>
                  )}
                  {canManage && r.status !== "cancelled" && (
                    <Button
                      variant="ghost"
                      aria-expanded={cancelling === r.id}
                      onClick={() => setCancelling(cancelling === r.id ? null : r.id)}
                      aria-label={`Cancel ${r.roundType.name} round ${r.order + 1}`}
                    >
                      Cancel
                    </Button>
                  )}
                  <Link
                    className="text-sm font-medium text-brand-700 hover:underline"
                    href={`/w/${slug}/kits/${r.roundType.id}?minutes=${r.durationMin}${r.questionId ? `&question=${r.questionId}` : ""}`}
                  >
                    Kit
                  </Link>
                </div>
              </div>
              {cancelling === r.id && (
                <CancelRound
                  workspaceId={workspaceId}
                  round={r}
                  onDone={() => {
                    setCancelling(null);
                    void refresh();
                  }}
                />
              )}
              {editing === r.id && (
                <RoundEditor
                  workspaceId={workspaceId}
                  loopId={loopId}
                  round={r}
                  onDone={() => {
                    setEditing(null);
                    void refresh();
                  }}
                />
              )}
            </li>
          ))}
        </ol>
        {canManage && l.status !== "cancelled" && l.status !== "completed" && (
          <AddRound workspaceId={workspaceId} loopId={loopId} onDone={() => void refresh()} />
        )}
      </section>
      <details className="mb-6" data-testid="loop-week" onToggle={(e) => setWeekOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Week view</summary>
        <div className="mt-3">{weekOpen && <LoopWeek rounds={l.rounds} />}</div>
      </details>

      {canManage && l.status !== "cancelled" && l.status !== "completed" && (
        <Card
          title="Schedule"
          description="Suggested slots fit every round in order, inside the candidate's availability, each with a free, qualified interviewer under their weekly cap; load is spread evenly."
        >
          {!suggesting ? (
            <Button onClick={() => setSuggesting(true)} disabled={l.rounds.every((r) => r.status === "cancelled")}>
              {unscheduled > 0 ? "Suggest slots" : "Suggest new slots (reschedule all)"}
            </Button>
          ) : (
            <SlotSuggestions
              workspaceId={workspaceId}
              slug={slug}
              loopId={loopId}
              rounds={l.rounds}
              swaps={swaps}
              setSwaps={setSwaps}
              onBooked={() => setSuggesting(false)}
              refresh={refresh}
            />
          )}
        </Card>
      )}
    </>
  );
}

type Round = RouterOutputs["loop"]["get"]["rounds"][number];

/**
 * The suggested slots, read when the coach asks for them (mounted then, so each ask reads them afresh), and
 * what blocks a slot when none fits.
 */
function SlotSuggestions({
  workspaceId,
  slug,
  loopId,
  rounds,
  swaps,
  setSwaps,
  onBooked,
  refresh,
}: {
  workspaceId: string;
  slug: string;
  loopId: string;
  rounds: Round[];
  swaps: Record<string, string>;
  setSwaps: (swaps: Record<string, string>) => void;
  onBooked: () => void;
  refresh: () => void;
}) {
  const suggestions = useLightQuery((api) => api.schedule.suggest.query, { workspaceId, loopId, days: 21 });
  const viewerZone = useViewerZone();
  const book = useAction((api) => api.schedule.book.mutate, {
    onSuccess: (r) => {
      toast.success(`Booked ${r.length} round${r.length === 1 ? "" : "s"}; invitations are on their way`);
      onBooked();
      refresh();
    },
    // The default toast says why; the suggestions may be out of date.
    onError: () => refresh(),
  });
  if (suggestions.isPending) return <Skeleton rows={3} />;
  if (suggestions.isError)
    return (
      <Alert className="space-y-1">
        <p>{suggestions.error.message}</p>
        <Link className="font-medium text-brand-700 underline" href={`/w/${slug}/interviewers`}>
          Open the Interviewers page
        </Link>
      </Alert>
    );
  if (suggestions.data.length === 0)
    return (
      <div data-testid="no-fit">
        <EmptyState title="No slot fits in the next three weeks">
          Here is what blocks it, and what to change.
        </EmptyState>
        <NoFitReasons workspaceId={workspaceId} loopId={loopId} />
        <Link
          className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
          href={`/w/${slug}/interviewers`}
        >
          Open the Interviewers page
        </Link>
      </div>
    );
  return (
    <ol className="space-y-3">
      {suggestions.data.map((s, i) => (
        <li key={i} data-testid="slot-suggestion" className="rounded-md p-3 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium">
              Option {i + 1}: <LocalTime value={s.start} />
            </p>
            <Button
              busy={book.isPending}
              onClick={() =>
                book.mutate({
                  workspaceId,
                  loopId,
                  bookings: s.rounds.map((r) => ({
                    roundId: r.roundId,
                    interviewerMemberId: swaps[`${i}:${r.roundId}`] ?? r.interviewerMemberId,
                    shadowMemberId: r.shadow?.memberId ?? null,
                    startsAt: r.start,
                  })),
                })
              }
            >
              Book option {i + 1}
            </Button>
          </div>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {s.rounds.map((r) => {
              const chosenId = swaps[`${i}:${r.roundId}`] ?? r.interviewerMemberId;
              const choices = [
                {
                  memberId: r.interviewerMemberId,
                  name: r.interviewerName,
                  timeZone: r.interviewerTimeZone,
                  assumedHours: r.assumedHours,
                },
                ...r.alternates,
              ];
              const chosen = choices.find((c) => c.memberId === chosenId) ?? choices[0]!;
              const roundName = rounds.find((x) => x.id === r.roundId)?.roundType.name ?? "Round";
              return (
                <li key={r.roundId}>
                  {roundName}: <LocalTime value={r.start} style="short" /> with{" "}
                  {r.alternates.length === 0 ? (
                    chosen.name
                  ) : (
                    <select
                      aria-label={`Interviewer for ${roundName} in option ${i + 1}`}
                      className="rounded-md px-1 py-0.5 text-sm ring-1 focus-ring ring-slate-300"
                      value={chosenId}
                      onChange={(e) => setSwaps({ ...swaps, [`${i}:${r.roundId}`]: e.target.value })}
                    >
                      {choices.map((c) => (
                        <option key={c.memberId} value={c.memberId}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                  {r.shadow && (
                    <>
                      {" "}
                      <Badge tone="blue">shadow: {r.shadow.name} (trainee)</Badge>
                    </>
                  )}
                  <span className="block text-xs text-slate-600">
                    {chosen.timeZone !== viewerZone &&
                      `${chosen.name}: ${formatInZone(r.start, chosen.timeZone, "time")}`}
                    {chosen.timeZone !== viewerZone && s.candidateTimeZone !== viewerZone && " · "}
                    {s.candidateTimeZone !== viewerZone &&
                      `candidate: ${formatInZone(r.start, s.candidateTimeZone, "time")}`}
                    {chosen.assumedHours &&
                      " · ⚠ this interviewer has not set their hours (weekdays 09:00–17:00 assumed)"}
                  </span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Why no slot fits: read only when none does. */
function NoFitReasons({ workspaceId, loopId }: { workspaceId: string; loopId: string }) {
  const explanation = useLightQuery((api) => api.schedule.explain.query, { workspaceId, loopId, days: 21 });
  if (explanation.isPending) return <Skeleton rows={2} />;
  if (!explanation.data) return null;
  return (
    <ul className="mt-3 space-y-2 text-sm" data-testid="no-fit-reasons">
      {explanation.data.rounds.flatMap((r) =>
        r.reasons.map((reason, i) => (
          <li key={`${r.key}-${i}`} className="rounded-md bg-amber-50 p-2 ring-1 ring-amber-200">
            <span className="text-amber-950">{reason.why}</span>
            <span className="block text-xs text-slate-700">{reason.fix}</span>
          </li>
        )),
      )}
      {explanation.data.loop && (
        <li className="rounded-md bg-amber-50 p-2 text-amber-950 ring-1 ring-amber-200">{explanation.data.loop}</li>
      )}
    </ul>
  );
}
