// Ratings of submitted scorecards, keyed by signal and by dimension, for the calibration engine. The
// debrief, the cohort view, the interviewer report and candidate reports all start from this.
import type { Rating } from "@/domain/calibration";
import type { SignalAnswer } from "@/domain/scorecard";
import type { Db, Prisma } from "@/server/db";
import type { Tx } from "./scope";

/** A loop's candidate as the calibration engine sees them (invited candidates have no member yet). */
export function candidateKey(loop: { id: string; candidateMemberId: string | null }): string {
  return loop.candidateMemberId ?? `invited:${loop.id}`;
}

export async function loadSubmittedRatings(
  db: Db | Tx,
  workspaceId: string,
  options: { loopWhere?: Prisma.LoopWhereInput; submittedSince?: Date; limit?: number } = {},
) {
  const loops = await db.loop.findMany({
    where: { workspaceId, ...options.loopWhere },
    select: { id: true, candidateMemberId: true, targetRole: true, level: true, createdAt: true },
  });
  const cards = await db.scorecard.findMany({
    where: {
      workspaceId,
      status: "submitted",
      loopId: { in: loops.map((l) => l.id) },
      ...(options.submittedSince ? { submittedAt: { gte: options.submittedSince } } : {}),
    },
    select: { loopId: true, roundId: true, interviewerMemberId: true, ratings: true, rubricVersionId: true, redFlagKeys: true, submittedAt: true },
    take: options.limit,
  });
  const signals = await db.signal.findMany({
    where: { workspaceId, rubricVersionId: { in: [...new Set(cards.map((c) => c.rubricVersionId))] } },
    select: { rubricVersionId: true, key: true, dimensionKey: true },
  });
  const dimensionOf = new Map(signals.map((s) => [`${s.rubricVersionId}:${s.key}`, s.dimensionKey]));
  const candidateOf = new Map(loops.map((l) => [l.id, candidateKey(l)]));
  const bySignal: Rating[] = [];
  const byDimension: Rating[] = [];
  for (const c of cards) {
    for (const [key, answer] of Object.entries(c.ratings as unknown as Record<string, SignalAnswer>)) {
      if (typeof answer?.rating !== "number") continue;
      const base = { candidateId: candidateOf.get(c.loopId)!, interviewerId: c.interviewerMemberId, value: answer.rating };
      bySignal.push({ ...base, key });
      byDimension.push({ ...base, key: dimensionOf.get(`${c.rubricVersionId}:${key}`) ?? "other" });
    }
  }
  return { loops, cards, bySignal, byDimension };
}

/** Display names of members (name, else email). */
export async function memberNames(db: Db | Tx, workspaceId: string, memberIds: string[]) {
  const members = await db.membership.findMany({ where: { workspaceId, id: { in: memberIds } }, include: { user: { select: { name: true, email: true } } } });
  return new Map(members.map((m) => [m.id, m.user.name ?? m.user.email ?? "Member"]));
}
