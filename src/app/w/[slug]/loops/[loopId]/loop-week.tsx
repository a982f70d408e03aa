"use client";

import { useParams } from "next/navigation";
import { WeekView, type WeekEvent } from "@/components/week-view";

type LoopRound = {
  id: string;
  status: string;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  durationMin?: number;
  questionId?: string | null;
  roundType: { id?: string; name: string };
  interviewer?: { name: string | null } | null;
};

/** The loop's booked (and cancelled) rounds on a week grid, opening on the week of the first booked round. */
export function LoopWeek({ rounds }: { rounds: LoopRound[] }) {
  const { slug } = useParams<{ slug: string }>();
  const timed = rounds.filter(
    (r): r is LoopRound & { startsAt: Date | string; endsAt: Date | string } =>
      !!r.startsAt && !!r.endsAt && r.status !== "unscheduled",
  );
  const events: WeekEvent[] = timed.map((r) => {
    const cancelled = r.status === "cancelled";
    const who = r.interviewer?.name ? `with ${r.interviewer.name}` : "";
    return {
      id: r.id,
      start: r.startsAt,
      end: r.endsAt,
      title: r.roundType.name,
      subtitle: [cancelled ? "cancelled" : "", who].filter(Boolean).join(", ") || undefined,
      tone: cancelled ? "red" : r.status === "scheduled" ? "green" : "gray",
      href: r.roundType.id
        ? `/w/${slug}/kits/${r.roundType.id}${r.durationMin ? `?minutes=${r.durationMin}` : ""}${r.questionId ? `${r.durationMin ? "&" : "?"}question=${r.questionId}` : ""}`
        : undefined,
    };
  });
  const first = timed
    .filter((r) => r.status === "scheduled")
    .map((r) => new Date(r.startsAt))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (timed.length === 0)
    return <p className="text-sm text-slate-600">No round is booked yet; booked rounds appear here on a week grid.</p>;
  return (
    <WeekView
      events={events}
      initialWeek={first ?? new Date(timed[0]!.startsAt)}
      label="Loop rounds"
      headingLevel={3}
    />
  );
}
