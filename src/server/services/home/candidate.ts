// A candidate's home: the next round, the latest feedback and progress across loops.
import { getMyReport, listMyReports } from "../report";
import { type Scope, type Tx } from "../scope";
import { roundTypeNames } from "./lookups";

export async function candidateHome(db: Tx, scope: Scope, now: Date) {
  const { workspaceId, memberId } = scope;
  const where = { workspaceId, candidateMemberId: memberId, status: "scheduled" as const, endsAt: { gt: now } };
  const [upcomingCount, next, released] = await Promise.all([
    db.round.count({ where }),
    db.round.findFirst({ where, orderBy: { startsAt: "asc" } }),
    listMyReports(db, scope),
  ]);
  const types = next ? await roundTypeNames(db, workspaceId, [next.roundTypeId]) : new Map();
  const latest = released.at(-1);
  const report = latest ? await getMyReport(db, scope, { reportId: latest.reportId }) : null;
  return {
    nextRound: next
      ? {
          roundId: next.id,
          roundType: types.get(next.roundTypeId)?.name ?? "Round",
          description: types.get(next.roundTypeId)?.description ?? "",
          startsAt: next.startsAt!,
          endsAt: next.endsAt!,
          durationMin: next.durationMin,
          location: next.location,
        }
      : null,
    upcomingRounds: upcomingCount,
    latestFeedback: report
      ? {
          reportId: report.reportId,
          releasedAt: report.releasedAt,
          label: report.content.loop?.label ?? "Practice loop",
          growthAreas: report.content.growthAreas.slice(0, 3).map((g) => g.title),
          firstPracticeDay: report.content.practicePlan[0] ?? null,
        }
      : null,
    // One point per loop with feedback: the mean of its dimension scores, for a glance; the report has the detail.
    progress: (report?.progress ?? []).map((p) => ({
      reportId: p.reportId,
      label: p.label,
      at: p.at,
      score: p.dimensions.length ? p.dimensions.reduce((sum, d) => sum + d.score, 0) / p.dimensions.length : null,
    })),
  };
}
