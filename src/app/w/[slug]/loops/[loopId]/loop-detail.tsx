"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime, useViewerZone } from "@/components/time";
import { Badge, Button, Card, EmptyState, PageHeader, Select, Skeleton } from "@/components/ui";
import { LOOP_STATUSES, canMoveLoop, type LoopStatus } from "@/domain/loop-status";
import { formatInZone } from "@/domain/time-zone";
import { fromZonedInput, toZonedInput } from "@/domain/zoned-input";
import { ownErrors, useTRPC } from "@/trpc/react";
import { LoopWeek } from "./loop-week";

export function LoopDetail({
  workspaceId,
  slug,
  loopId,
  canManage,
}: {
  workspaceId: string;
  slug: string;
  loopId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const loop = useQuery(trpc.loop.get.queryOptions({ workspaceId, loopId }));
  const [suggesting, setSuggesting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const suggestions = useQuery({
    ...trpc.schedule.suggest.queryOptions({ workspaceId, loopId, days: 21 }),
    enabled: suggesting,
    retry: false,
  });
  const noFit = suggesting && suggestions.data?.length === 0;
  const explanation = useQuery({
    ...trpc.schedule.explain.queryOptions({ workspaceId, loopId, days: 21 }),
    enabled: noFit,
    retry: false,
  });
  const viewerZone = useViewerZone();
  // Interviewers the coach swapped into a suggested option: `${option}:${roundId}` → member id.
  const [swaps, setSwaps] = useState<Record<string, string>>({});
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: trpc.loop.pathKey() }),
      qc.invalidateQueries({ queryKey: trpc.schedule.pathKey() }),
    ]);
  const book = useMutation(
    trpc.schedule.book.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Booked ${r.length} round${r.length === 1 ? "" : "s"}; invitations are on their way`);
        setSuggesting(false);
        void refresh();
      },
      // The default toast says why; the suggestions may be out of date.
      onError: () => void refresh(),
    }),
  );
  const restore = useMutation(
    trpc.schedule.restoreRound.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          r.status === "scheduled" ? "Cancellation undone; everyone gets an updated invitation" : "Cancellation undone",
        );
        void refresh();
      },
    }),
  );
  const setStatus = useMutation(
    trpc.loop.setStatus.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Loop is now ${r.status.replace("_", " ")}`);
        void refresh();
      },
    }),
  );

  if (loop.isPending) return <Skeleton rows={6} />;
  if (loop.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {loop.error.message}
      </p>
    );
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
                      busy={restore.isPending && restore.variables?.roundId === r.id}
                      onClick={() => restore.mutate({ workspaceId, roundId: r.id })}
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
      <details className="mb-6" data-testid="loop-week">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Week view</summary>
        <div className="mt-3">
          <LoopWeek rounds={l.rounds} />
        </div>
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
          ) : suggestions.isPending ? (
            <Skeleton rows={3} />
          ) : suggestions.isError ? (
            <div role="alert" className="space-y-1 text-sm text-red-700">
              <p>{suggestions.error.message}</p>
              <Link className="font-medium text-brand-700 underline" href={`/w/${slug}/interviewers`}>
                Open the Interviewers page
              </Link>
            </div>
          ) : suggestions.data.length === 0 ? (
            <div data-testid="no-fit">
              <EmptyState title="No slot fits in the next three weeks">
                Here is what blocks it, and what to change.
              </EmptyState>
              {explanation.isPending ? (
                <Skeleton rows={2} />
              ) : explanation.data ? (
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
                    <li className="rounded-md bg-amber-50 p-2 text-amber-950 ring-1 ring-amber-200">
                      {explanation.data.loop}
                    </li>
                  )}
                </ul>
              ) : null}
              <Link
                className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
                href={`/w/${slug}/interviewers`}
              >
                Open the Interviewers page
              </Link>
            </div>
          ) : (
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
                      const roundName = l.rounds.find((x) => x.id === r.roundId)?.roundType.name ?? "Round";
                      return (
                        <li key={r.roundId}>
                          {roundName}: <LocalTime value={r.start} style="short" /> with{" "}
                          {r.alternates.length === 0 ? (
                            chosen.name
                          ) : (
                            <select
                              aria-label={`Interviewer for ${roundName} in option ${i + 1}`}
                              className="rounded-md px-1 py-0.5 text-sm ring-1 ring-slate-300"
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
          )}
        </Card>
      )}
    </>
  );
}

type LoopRound = {
  id: string;
  status: string;
  roundType: { id: string; name: string };
  startsAt: Date | string | null;
  interviewer: { memberId: string | null } | null;
  shadow: { memberId: string | null } | null;
  questionId: string | null;
  location: string;
  order: number;
};

/** Cancelling asks for the reason people booked will read, and says it can be undone until the start. */
function CancelRound({ workspaceId, round, onDone }: { workspaceId: string; round: LoopRound; onDone: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.schedule.cancelRound.mutationOptions({
      onSuccess: () => {
        toast.success(
          round.status === "scheduled"
            ? "Round cancelled; people booked get a calendar cancellation. You can undo until it starts."
            : "Round cancelled",
        );
        onDone();
      },
      meta: ownErrors,
      onError: (err) => setError(err.message),
    }),
  );
  const id = `cancel-${round.id}`;
  return (
    <form
      role="group"
      aria-label={`Cancel ${round.roundType.name} round ${round.order + 1}`}
      className="mt-2 space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (reason.trim().length < 3) return setError("Say why the round is cancelled (people booked will read it).");
        cancel.mutate({ workspaceId, roundId: round.id, reason: reason.trim() });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Reason for cancelling{round.status === "scheduled" ? " (sent to the people booked)" : ""}
      </label>
      <textarea
        id={id}
        rows={2}
        className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 focus:outline-none"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" busy={cancel.isPending}>
          Cancel the round
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Keep it
        </Button>
      </div>
    </form>
  );
}

/** A loop can gain a round of any round type; it starts unscheduled. */
function AddRound({ workspaceId, loopId, onDone }: { workspaceId: string; loopId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const library = useQuery(trpc.library.list.queryOptions({ workspaceId, includeArchived: false }));
  const [roundTypeId, setRoundTypeId] = useState("");
  const add = useMutation(
    trpc.loop.addRound.mutationOptions({
      onSuccess: () => {
        toast.success("Round added; book it when you are ready");
        setRoundTypeId("");
        onDone();
      },
    }),
  );
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (roundTypeId) add.mutate({ workspaceId, loopId, roundTypeId });
      }}
    >
      <label htmlFor="add-round-type" className="text-sm font-medium">
        Add a round
        <Select
          id="add-round-type"
          className="mt-1 w-56"
          value={roundTypeId}
          onChange={(e) => setRoundTypeId(e.target.value)}
        >
          <option value="">Choose a round type…</option>
          {library.data?.roundTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.defaultDurationMin} min)
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="ghost" disabled={!roundTypeId} busy={add.isPending}>
        Add round
      </Button>
    </form>
  );
}

/** Books, moves or edits one round: time, interviewer, shadow, question and video link. */
function RoundEditor({
  workspaceId,
  loopId,
  round,
  onDone,
}: {
  workspaceId: string;
  loopId: string;
  round: LoopRound;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const interviewers = useQuery(trpc.schedule.interviewers.queryOptions({ workspaceId }));
  const questions = useQuery(
    trpc.question.list.queryOptions({ workspaceId, roundTypeId: round.roundType.id, includeArchived: false }),
  );
  const zone = useViewerZone();
  const [startsAt, setStartsAt] = useState(toZonedInput(round.startsAt, zone));
  const [interviewer, setInterviewer] = useState(round.interviewer?.memberId ?? "");
  const [shadow, setShadow] = useState(round.shadow?.memberId ?? "");
  const [questionId, setQuestionId] = useState(round.questionId ?? "");
  const [location, setLocation] = useState(round.location);
  const [error, setError] = useState<string | null>(null);
  const book = useMutation(
    trpc.schedule.book.mutationOptions({
      onSuccess: () => {
        toast.success(
          round.startsAt && round.status !== "cancelled"
            ? "Round saved; people booked are told what changed"
            : "Round booked; invitations are on their way",
        );
        onDone();
      },
      meta: ownErrors,
      onError: (err) => setError(err.message),
    }),
  );
  const id = `round-${round.id}`;
  return (
    <form
      className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3"
      aria-label={`Edit ${round.roundType.name} round ${round.order + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const at = fromZonedInput(startsAt, zone);
        if (!at || !interviewer) return setError("Choose a start time and an interviewer.");
        book.mutate({
          workspaceId,
          loopId,
          bookings: [
            {
              roundId: round.id,
              interviewerMemberId: interviewer,
              shadowMemberId: shadow || null,
              startsAt: at,
              questionId: questionId || null,
              location,
            },
          ],
        });
      }}
    >
      <label className="text-sm font-medium" htmlFor={`${id}-start`}>
        Starts ({zone}, {formatInZone(new Date(), zone, "time").replace(/^.* /, "")})
        <input
          id={`${id}-start`}
          type="datetime-local"
          className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-interviewer`}>
        Interviewer
        <Select
          id={`${id}-interviewer`}
          className="mt-1"
          value={interviewer}
          onChange={(e) => setInterviewer(e.target.value)}
        >
          <option value="">Choose…</option>
          {interviewers.data?.map((i) => (
            <option key={i.memberId} value={i.memberId}>
              {i.name} ({i.loadThisWeek} this week)
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-shadow`}>
        Shadow (optional)
        <Select id={`${id}-shadow`} className="mt-1" value={shadow} onChange={(e) => setShadow(e.target.value)}>
          <option value="">Nobody</option>
          {interviewers.data
            ?.filter((i) => i.memberId !== interviewer)
            .map((i) => (
              <option key={i.memberId} value={i.memberId}>
                {i.name}
              </option>
            ))}
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-question`}>
        Question
        <Select
          id={`${id}-question`}
          className="mt-1"
          value={questionId}
          onChange={(e) => setQuestionId(e.target.value)}
        >
          <option value="">Interviewer's choice</option>
          {questions.data?.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm font-medium sm:col-span-2" htmlFor={`${id}-location`}>
        Video link or location
        <input
          id={`${id}-location`}
          className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          placeholder="https://meet.example/abc"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-3">
          {error}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-3">
        <Button type="submit" busy={book.isPending}>
          {round.startsAt ? "Save and notify" : "Book round"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
