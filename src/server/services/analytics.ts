// The analytics page for coaches and owners: scorecard timeliness, loops by status and outcome, pass-through
// by stage, candidates' change between loops, interviewer load against caps, moves and cancellations, and
// agreement and calibration drift over time. Bounded work: a fixed number of aggregate statements
// (./analytics-queries.ts) whatever the number of loops; src/domain/analytics.ts turns their rows into figures.
import {
  agreementByMonth,
  changeInterval,
  dayInZone,
  loadSummary,
  outcomeRows,
  passThrough,
  resolvePeriod,
  share,
  statusRows,
  weeksTouched,
  type PeriodPreset,
} from "@/domain/analytics";
import { SCORECARD_DUE_HOURS } from "@/domain/home";
import { displayName } from "@/domain/people";
import { personZone } from "@/domain/time-zone";
import { notFound } from "@/server/errors";
import {
  agreementCoincidences,
  calibrationDrift,
  dimensionChanges,
  loopsByStatus,
  movesByWeek,
  stages,
  submissionTimes,
  weeklyLoad,
  type AnalyticsFilter,
  type LoadRow,
} from "./analytics-queries";
import { loadCohort } from "./cohort";
import type { Scope, Tx } from "./scope";

export interface GetAnalyticsInput {
  period?: PeriodPreset;
  from?: string;
  to?: string;
  level?: "entry" | "mid" | "senior";
  targetRole?: string;
  templateId?: string;
  interviewerMemberId?: string;
}

const named = (row: { name: string | null; email: string | null }) => displayName(row, "Member");

export async function getAnalytics(db: Tx, scope: Scope, input: GetAnalyticsInput, now = new Date()) {
  const { workspaceId } = scope;
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  if (!workspace) throw notFound("That workspace");
  const zone = personZone(null, workspace.timeZone);
  const period = resolvePeriod(input, dayInZone(now, zone));
  const filter: AnalyticsFilter = {
    workspaceId,
    zone,
    from: period.from,
    to: period.to,
    now,
    level: input.level,
    targetRole: input.targetRole || undefined,
    templateId: input.templateId,
    interviewerMemberId: input.interviewerMemberId,
  };
  const cohort = await loadCohort(db, workspaceId, now);
  const dueBefore = new Date(now.getTime() - SCORECARD_DUE_HOURS * 3_600_000);
  // One statement each, in a row: inside a request they share its transaction's one connection anyway.
  const submissions = await submissionTimes(db, filter, dueBefore);
  const statuses = await loopsByStatus(db, filter);
  const [stageCounts] = await stages(db, filter);
  const changes = cohort.fitId ? await dimensionChanges(db, filter, cohort.fitId) : [];
  const load = await weeklyLoad(db, filter);
  const moves = await movesByWeek(db, filter);
  const coincidences = await agreementCoincidences(db, filter);
  const drift = cohort.fitId ? await calibrationDrift(db, filter, cohort.fitId) : [];
  const [templates, interviewers] = [
    await db.loopTemplate.findMany({
      where: { workspaceId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    await db.membership.findMany({
      where: { workspaceId, role: { in: ["owner", "coach", "interviewer"] } },
      select: { id: true, user: { select: { name: true, email: true } } },
    }),
  ];

  const timing = (row: (typeof submissions)[number]) => ({
    ended: row.ended,
    submitted: row.submitted,
    submissionRate: share(row.submitted, row.ended),
    overdue: row.overdue,
    medianHours: row.medianHours,
    p90Hours: row.p90Hours,
  });
  const overall = submissions.find((r) => r.memberId === null);
  const weeks = weeksTouched(period.from, period.to);
  const byMember = new Map<string, LoadRow[]>();
  for (const row of load) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
  const agreement = agreementByMonth(
    coincidences.flatMap((r) =>
      r.c === null || r.k === null ? [] : [{ month: r.month, c: r.c, k: r.k, weight: r.weight }],
    ),
    coincidences.flatMap((r) => (r.c === null ? [{ month: r.month, units: r.weight }] : [])),
  );

  return {
    period: { ...period, zone, weeks },
    asOf: now,
    calibration: { fittedAt: cohort.fittedAt, updating: cohort.updating, fitted: cohort.fitId !== null },
    options: {
      templates,
      interviewers: interviewers
        .map((m) => ({ id: m.id, name: displayName(m.user) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    submissions: {
      overall: overall
        ? timing(overall)
        : { ended: 0, submitted: 0, submissionRate: null, overdue: 0, medianHours: null, p90Hours: null },
      dueHours: SCORECARD_DUE_HOURS,
      byInterviewer: submissions
        .filter((r) => r.memberId !== null)
        .map((r) => ({ memberId: r.memberId!, name: named(r), ...timing(r) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    statuses: statusRows(statuses.flatMap((r) => (r.byDecision ? [] : [{ status: r.status ?? "", loops: r.loops }]))),
    outcomes: outcomeRows(statuses.flatMap((r) => (r.byDecision ? [{ decision: r.decision, loops: r.loops }] : []))),
    stages: passThrough(stageCounts ?? { created: 0, scheduled: 0, scorecards_in: 0, debriefed: 0, released: 0 }),
    improvement: changes.map((c) => ({
      dimension: c.dimension,
      name: c.name ?? c.dimension,
      ...changeInterval({ pairs: c.pairs, mean: c.mean, sd: c.sd, pairSe: c.pairSe }),
    })),
    load: [...byMember.values()]
      .map((rows) => {
        const first = rows[0]!;
        return {
          memberId: first.memberId,
          name: named(first),
          weeklyCap: first.weeklyCap,
          weeks: rows.map((r) => ({ week: r.week, rounds: r.rounds })),
          ...loadSummary(rows, first.weeklyCap, weeks),
        };
      })
      .sort((a, b) => b.busiestWeek - a.busiestWeek || a.name.localeCompare(b.name)),
    moves,
    agreement,
    drift: drift.map((d) => ({
      month: d.month,
      loops: d.loops,
      mean: d.mean,
      standardError: d.sd === null ? null : d.sd / Math.sqrt(d.loops),
    })),
  };
}

export type Analytics = Awaited<ReturnType<typeof getAnalytics>>;
