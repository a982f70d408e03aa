"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { LocalTime } from "@/components/time";
import { Badge, Button, Card, EmptyState, PageHeader, Select, Skeleton } from "@/components/ui";
import { LOOP_STATUSES, canMoveLoop, type LoopStatus } from "@/domain/loop-status";
import { useTRPC } from "@/trpc/react";

export function LoopDetail({ workspaceId, slug, loopId, canManage }: { workspaceId: string; slug: string; loopId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const loop = useQuery(trpc.loop.get.queryOptions({ workspaceId, loopId }));
  const [suggesting, setSuggesting] = useState(false);
  const suggestions = useQuery({ ...trpc.schedule.suggest.queryOptions({ workspaceId, loopId, days: 21 }), enabled: suggesting, retry: false });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: trpc.loop.pathKey() }), qc.invalidateQueries({ queryKey: trpc.schedule.pathKey() })]);
  const book = useMutation(
    trpc.schedule.book.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Booked ${r.length} round${r.length === 1 ? "" : "s"}; invitations are on their way`);
        setSuggesting(false);
        void refresh();
      },
      onError: (err) => {
        toast.error(err.message);
        void refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.schedule.cancelRound.mutationOptions({
      onSuccess: () => {
        toast.success("Round cancelled; everyone gets a calendar cancellation");
        void refresh();
      },
      onError: (err) => toast.error(err.message),
    }),
  );
  const setStatus = useMutation(
    trpc.loop.setStatus.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Loop is now ${r.status.replace("_", " ")}`);
        void refresh();
      },
      onError: (err) => toast.error(err.message),
    }),
  );

  if (loop.isPending) return <Skeleton rows={6} />;
  if (loop.isError) return <p role="alert" className="text-sm text-red-700">{loop.error.message}</p>;
  const l = loop.data;
  const unscheduled = l.rounds.filter((r) => r.status === "unscheduled").length;

  return (
    <>
      <PageHeader
        title={`${l.candidate?.name ?? "Candidate"}: ${l.targetRole}`}
        description={`Level ${l.level} · coach ${l.coach?.name ?? "—"} · ${l.rounds.filter((r) => r.status === "scheduled").length} of ${l.rounds.filter((r) => r.status !== "cancelled").length} rounds booked`}
        actions={
          canManage && (
            <div className="flex items-end gap-2">
              <label htmlFor="loop-status" className="text-sm font-medium">
                Status
              </label>
              <Select id="loop-status" className="w-44" value={l.status} onChange={(e) => setStatus.mutate({ workspaceId, loopId, status: e.target.value as LoopStatus })}>
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

      <section aria-labelledby="timeline" className="mb-6">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5">
          {l.rounds.map((r) => (
            <li key={r.id} data-testid="timeline-round" className="relative">
              <span aria-hidden className={`absolute -left-[27px] top-4 size-3 rounded-full ${r.status === "scheduled" ? "bg-emerald-500" : r.status === "cancelled" ? "bg-red-400" : "bg-slate-300"}`} />
              <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-white p-3 ring-1 ring-slate-200">
                <div>
                  <p className="font-medium">
                    {r.order + 1}. {r.roundType.name} <span className="text-sm font-normal text-slate-600">· {r.durationMin} min</span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {r.startsAt ? <LocalTime value={r.startsAt} /> : "Not scheduled"}
                    {r.interviewer ? ` · with ${r.interviewer.name}` : ""}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={r.status === "scheduled" ? "green" : r.status === "cancelled" ? "red" : "gray"}>{r.status}</Badge>
                  {canManage && r.status !== "cancelled" && (
                    <Button variant="ghost" busy={cancel.isPending && cancel.variables?.roundId === r.id} onClick={() => cancel.mutate({ workspaceId, roundId: r.id })} aria-label={`Cancel ${r.roundType.name} round ${r.order + 1}`}>
                      Cancel
                    </Button>
                  )}
                  <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/w/${slug}/kits/${r.roundType.id}${r.questionId ? `?question=${r.questionId}` : ""}`}>
                    Kit
                  </Link>
                </div>
              </div>
            </li>
          ))}
        </ol>
      </section>

      {canManage && l.status !== "cancelled" && l.status !== "completed" && (
        <Card title="Schedule" description="Suggested slots fit every round in order, inside the candidate's availability, each with a free, qualified interviewer under their weekly cap; load is spread evenly.">
          {!suggesting ? (
            <Button onClick={() => setSuggesting(true)} disabled={l.rounds.every((r) => r.status === "cancelled")}>
              {unscheduled > 0 ? "Suggest slots" : "Suggest new slots (reschedule all)"}
            </Button>
          ) : suggestions.isPending ? (
            <Skeleton rows={3} />
          ) : suggestions.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {suggestions.error.message}
            </p>
          ) : suggestions.data.length === 0 ? (
            <EmptyState title="No slot fits in the next three weeks">Widen availability or qualify more interviewers, then try again.</EmptyState>
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
                      onClick={() => book.mutate({ workspaceId, loopId, bookings: s.rounds.map((r) => ({ roundId: r.roundId, interviewerMemberId: r.interviewerMemberId, startsAt: r.start })) })}
                    >
                      Book option {i + 1}
                    </Button>
                  </div>
                  <ul className="mt-2 space-y-1 text-sm text-slate-700">
                    {s.rounds.map((r) => (
                      <li key={r.roundId}>
                        {l.rounds.find((x) => x.id === r.roundId)?.roundType.name}: <LocalTime value={r.start} style="short" /> with {r.interviewerName}
                      </li>
                    ))}
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
