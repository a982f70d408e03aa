// The calibration cohort: the one rule for which scorecards are calibrated together, and the one fit that
// the debrief, the report, the cohort view and the interviewer report all read. The unit is the
// candidate's loop: a loop's scores come only from its own scorecards, while interviewer severities come
// from the whole cohort. docs/calibration.md explains the model.
import { calibrate, type CalibrationResult, type CandidateScore, type InterviewerEstimate, type Rating } from "@/domain/calibration";
import type { SignalAnswer } from "@/domain/scorecard";
import type { Db } from "@/server/db";
import type { Tx } from "./scope";

/** Loops with a scorecard submitted in the last year are calibrated together… */
export const COHORT_DAYS = 365;
/** …the most recent this many of them (latest submission first, then id), so the choice is repeatable. */
export const COHORT_MAX_LOOPS = 2_000;

export interface CohortCard {
  id: string;
  loopId: string;
  roundId: string;
  interviewerMemberId: string;
  rubricVersionId: string;
  ratings: Record<string, SignalAnswer>;
  redFlagKeys: string[];
  submittedAt: Date | null;
}

export interface Cohort {
  workspaceId: string;
  /** Start of the window: the first moment of the UTC day COHORT_DAYS before `now`. */
  since: Date;
  loopIds: Set<string>;
  cards: CohortCard[];
  ratings: Rating[];
  fit: CalibrationResult;
  /** True when more loops fell in the window than COHORT_MAX_LOOPS. */
  truncated: boolean;
}

/** Why a loop has no calibrated numbers although it has submitted scorecards. */
export const OUTSIDE_COHORT_REASON =
  `Calibration compares loops with a scorecard submitted in the last ${COHORT_DAYS} days; this loop is older, so only raw ratings are shown.`;

// The fit is a pure function of the cohort's scorecards, so it is kept while they are unchanged:
// the key names the workspace, the window's day, and the number and latest change of its scorecards.
const CACHE_SIZE = 16;
const cache = new Map<string, Cohort>();

function windowStart(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day - COHORT_DAYS * 86_400_000);
}

/** The cohort of a workspace at `now`, fitted once. */
export async function loadCohort(db: Db | Tx, workspaceId: string, now: Date = new Date()): Promise<Cohort> {
  const since = windowStart(now);
  const recent = await db.scorecard.groupBy({
    by: ["loopId"],
    where: { workspaceId, status: "submitted", submittedAt: { gte: since } },
    _max: { submittedAt: true },
    orderBy: [{ _max: { submittedAt: "desc" } }, { loopId: "asc" }],
    take: COHORT_MAX_LOOPS + 1,
  });
  const loopIds = recent.slice(0, COHORT_MAX_LOOPS).map((r) => r.loopId);
  const stamp = await db.scorecard.aggregate({
    where: { workspaceId, status: "submitted", loopId: { in: loopIds } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const key = `${workspaceId}|${since.toISOString()}|${loopIds.length}|${stamp._count._all}|${stamp._max.updatedAt?.toISOString() ?? "-"}|${loopIds[0] ?? ""}|${loopIds.at(-1) ?? ""}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }

  const rows = await db.scorecard.findMany({
    where: { workspaceId, status: "submitted", loopId: { in: loopIds } },
    select: { id: true, loopId: true, roundId: true, interviewerMemberId: true, rubricVersionId: true, ratings: true, redFlagKeys: true, submittedAt: true },
    orderBy: { id: "asc" },
  });
  const cards: CohortCard[] = rows.map((c) => ({ ...c, ratings: c.ratings as unknown as Record<string, SignalAnswer> }));
  const ratings = await ratingsOf(db, workspaceId, cards);
  const cohort: Cohort = { workspaceId, since, loopIds: new Set(loopIds), cards, ratings, fit: calibrate(ratings), truncated: recent.length > COHORT_MAX_LOOPS };
  cache.set(key, cohort);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return cohort;
}

/** The numeric ratings of scorecards, keyed by signal and grouped by the signal's dimension. */
export async function ratingsOf(db: Db | Tx, workspaceId: string, cards: CohortCard[]): Promise<Rating[]> {
  const signals = await db.signal.findMany({
    where: { workspaceId, rubricVersionId: { in: [...new Set(cards.map((c) => c.rubricVersionId))] } },
    select: { rubricVersionId: true, key: true, dimensionKey: true },
  });
  const dimensionOf = new Map(signals.map((s) => [`${s.rubricVersionId}:${s.key}`, s.dimensionKey]));
  const ratings: Rating[] = [];
  for (const card of cards) {
    for (const [key, answer] of Object.entries(card.ratings)) {
      if (typeof answer?.rating !== "number") continue;
      ratings.push({
        candidateId: card.loopId,
        interviewerId: card.interviewerMemberId,
        key,
        group: dimensionOf.get(`${card.rubricVersionId}:${key}`) ?? "other",
        scorecardId: card.id,
        value: answer.rating,
      });
    }
  }
  return ratings;
}

export interface LoopScore {
  key: string;
  raw: number;
  calibrated: number | null;
  standardError: number | null;
  ratings: number;
  notCalibratedReason: string | null;
}

export interface LoopScores {
  overall: LoopScore | null;
  /** Dimensions the loop's scorecards rated, with the round ids that rated each. */
  dimensions: (LoopScore & { roundIds: string[] })[];
  signals: (LoopScore & { roundIds: string[] })[];
  inCohort: boolean;
}

const fromFit = (s: CandidateScore): LoopScore => ({
  key: s.key ?? "overall",
  raw: s.raw,
  calibrated: s.calibrated,
  standardError: s.standardError,
  ratings: s.ratings,
  notCalibratedReason: s.notCalibratedReason,
});

/**
 * One loop's scores, read off the cohort's single fit. A loop outside the cohort (older than the window)
 * gets raw means only, with the reason. `cards` are the loop's own submitted scorecards.
 */
export async function scoreLoop(db: Db | Tx, cohort: Cohort, loopId: string, cards: CohortCard[]): Promise<LoopScores> {
  const inCohort = cohort.loopIds.has(loopId);
  const own = inCohort ? cohort.ratings.filter((r) => r.candidateId === loopId) : await ratingsOf(db, cohort.workspaceId, cards);
  const roundOf = new Map(cards.map((c) => [c.id, c.roundId]));
  const roundsBy = (pick: (r: Rating) => string) => {
    const out = new Map<string, string[]>();
    for (const r of own) {
      const round = roundOf.get(r.scorecardId ?? "");
      if (!round) continue;
      const list = out.get(pick(r)) ?? [];
      if (!list.includes(round)) list.push(round);
      out.set(pick(r), list);
    }
    return out;
  };
  const dimensionRounds = roundsBy((r) => r.group ?? "other");
  const signalRounds = roundsBy((r) => r.key);
  let rows: CandidateScore[];
  if (inCohort) {
    rows = cohort.fit.candidates.filter((c) => c.candidateId === loopId);
  } else {
    rows = rawScores(loopId, own);
  }
  const overall = rows.find((r) => r.kind === "overall");
  return {
    overall: overall ? fromFit(overall) : null,
    dimensions: rows.filter((r) => r.kind === "group").map((r) => ({ ...fromFit(r), roundIds: dimensionRounds.get(r.key!) ?? [] })),
    signals: rows.filter((r) => r.kind === "key").map((r) => ({ ...fromFit(r), roundIds: signalRounds.get(r.key!) ?? [] })),
    inCohort,
  };
}

/** Raw means of one loop's ratings, for a loop outside the cohort: never calibrated. */
function rawScores(loopId: string, ratings: Rating[]): CandidateScore[] {
  const summarize = (kind: CandidateScore["kind"], key: string | null, rs: Rating[]): CandidateScore => ({
    candidateId: loopId,
    kind,
    key,
    raw: rs.reduce((s, r) => s + r.value, 0) / rs.length,
    calibrated: null,
    standardError: null,
    ratings: rs.length,
    interviewers: new Set(rs.map((r) => r.interviewerId)).size,
    notCalibratedReason: OUTSIDE_COHORT_REASON,
  });
  if (ratings.length === 0) return [];
  const by = (pick: (r: Rating) => string) => {
    const groups = new Map<string, Rating[]>();
    for (const r of ratings) groups.set(pick(r), [...(groups.get(pick(r)) ?? []), r]);
    return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  return [
    summarize("overall", null, ratings),
    ...by((r) => r.group ?? "other").map(([k, rs]) => summarize("group", k, rs)),
    ...by((r) => r.key).map(([k, rs]) => summarize("key", k, rs)),
  ];
}

/** Interviewers' severities from the cohort's fit, by member id. */
export function severities(cohort: Cohort): Map<string, InterviewerEstimate> {
  return new Map(cohort.fit.interviewers.map((i) => [i.interviewerId, i]));
}

/** Test hook: forget cached fits. */
export function clearCohortCache() {
  cache.clear();
}
