// The calibration cohort: the one rule for which scorecards are calibrated together, and the one fit that
// the debrief, the report, the cohort view and the interviewer report all read. The unit is the
// candidate's loop: a loop's scores come only from its own scorecards, while interviewer severities come
// from the whole cohort. docs/calibration.md explains the model.
//
// The fit is computed in the background (./cohort-fit.ts) and stored; this module only reads it, in a
// fixed number of indexed queries whatever the size of the workspace. A fit older than the workspace's
// ratings (or than today's window) is served as it is, marked `updating`, until the worker swaps in the new one.
import { sqlPart } from "@/server/db";
import { readCohortSummary, readInterviewerEstimate, readInterviewerStats, readStoredScores } from "@/server/db/json";
import type { AgreementEstimate } from "@/domain/calibration/agreement";
import type { CalibrationModelSummary } from "@/domain/calibration/calibrate";
import type { Rating } from "@/domain/calibration/ratings";
import type { CandidateScore, InterviewerEstimate } from "@/domain/calibration/results";
import { ratingsOf, type CohortCard } from "./cohort-fit";
import type { Tx } from "./scope";

export type { CohortCard } from "./cohort-fit";

/** Loops with a scorecard submitted in the last year are calibrated together… */
export const COHORT_DAYS = 365;
/** …the most recent this many of them (latest submission first, then id), so the choice is repeatable. */
export const COHORT_MAX_LOOPS = 2_000;

/** Stored with each fit: what the cohort and interviewer views show besides per-loop and per-interviewer rows. */
export interface CohortSummary {
  model: CalibrationModelSummary;
  warnings: string[];
  /** One entry per interviewer of the fit: read a few at a time (`interviewerStats`), never the whole list. */
  interviewers: InterviewerStats[];
  agreement: { bySignal: AgreementEstimate[]; byDimension: AgreementEstimate[] };
}

/** An interviewer's statistics besides the model's estimate, stored in the fit's summary. */
export interface InterviewerStats {
  interviewerId: string;
  scorecards: number;
  panelGap: number | null;
  medianHoursToSubmit: number | null;
}

/** The workspace's current stored fit, as one request sees it. */
export interface Cohort {
  workspaceId: string;
  /** Null before the first fit. */
  fitId: string | null;
  /** Start of the window the fit used. */
  since: Date | null;
  loops: number;
  /** True when more loops fell in the window than COHORT_MAX_LOOPS. */
  truncated: boolean;
  /** The fit's summary without its per-interviewer list, which grows with the workspace. */
  summary: Omit<CohortSummary, "interviewers"> | null;
  /** How many interviewers the fit has statistics for. */
  interviewers: number;
  fittedAt: Date | null;
  /** The fit is behind the workspace's scorecards (or today's window): a new one is being computed. */
  updating: boolean;
}

/** Why a loop has no calibrated numbers although it has submitted scorecards. */
export const OUTSIDE_COHORT_REASON = `Calibration compares loops with a scorecard submitted in the last ${COHORT_DAYS} days; this loop is older, so only raw ratings are shown.`;
/** Why a loop has no calibrated numbers yet: its scorecards arrived after the stored fit. */
export const UPDATING_REASON =
  "Calibration is being updated with the latest scorecards; raw averages are shown until it finishes (a few seconds).";

/** First moment of the UTC day COHORT_DAYS before `now`. */
export function windowStart(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day - COHORT_DAYS * 86_400_000);
}

/** The columns of a `cohort_fits` row (aliased `f`) that `cohortStateFrom` reads: which fit, and whether it is behind. */
export const COHORT_FIT_STATE_COLUMNS = sqlPart`f."fitId", f."since", f."loops", f."truncated", f."fittedAt", f."fittedVersion",
  f."ratingsVersion"`;
/** The columns that `cohortFrom` reads: the state and the summary without its per-interviewer list. */
export const COHORT_FIT_COLUMNS = sqlPart`${COHORT_FIT_STATE_COLUMNS}, f."summary" - 'interviewers' AS "summary",
  COALESCE(jsonb_array_length(f."summary" -> 'interviewers'), 0)::int AS "interviewers"`;

export interface CohortFitStateRow {
  fitId: string | null;
  since: Date | null;
  loops: number;
  truncated: boolean;
  fittedAt: Date | null;
  fittedVersion: number;
  ratingsVersion: number;
}

export interface CohortFitRow extends CohortFitStateRow {
  summary: unknown;
  interviewers: number;
}

/** The cohort without its summary: what a page that shows no fit-wide statistics needs (the debrief). */
export type CohortState = Omit<Cohort, "summary" | "interviewers">;

/**
 * The workspace's stored fit (one indexed read). The summary's per-interviewer list is left in the
 * database (only its length is read): a page that needs some interviewers' statistics reads those.
 */
export async function loadCohort(db: Tx, workspaceId: string, now: Date = new Date()): Promise<Cohort> {
  const [row] = await db.$queryRaw<CohortFitRow[]>(
    sqlPart`SELECT ${COHORT_FIT_COLUMNS} FROM "cohort_fits" f WHERE f."workspaceId" = ${workspaceId}`,
  );
  return cohortFrom(workspaceId, row, now);
}

/** The cohort as one request sees it, from its `cohort_fits` row (COHORT_FIT_COLUMNS) or none. */
export function cohortFrom(workspaceId: string, row: CohortFitRow | undefined, now: Date): Cohort {
  return {
    ...cohortStateFrom(workspaceId, row, now),
    summary: !row || row.summary === null ? null : readCohortSummary(row.summary),
    interviewers: row?.interviewers ?? 0,
  };
}

/** `cohortFrom` without the summary, from the row's COHORT_FIT_STATE_COLUMNS or none. */
export function cohortStateFrom(workspaceId: string, row: CohortFitStateRow | undefined, now: Date): CohortState {
  if (!row)
    return {
      workspaceId,
      fitId: null,
      since: null,
      loops: 0,
      truncated: false,
      fittedAt: null,
      updating: false,
    };
  return {
    workspaceId,
    fitId: row.fitId,
    since: row.since,
    loops: row.loops,
    truncated: row.truncated,
    fittedAt: row.fittedAt,
    updating: row.fittedVersion < row.ratingsVersion || !row.since || row.since < windowStart(now),
  };
}

/** Interviewers' estimates in the cohort's fit, by member id (only those asked for). */
export async function severities(
  db: Tx,
  cohort: Cohort,
  memberIds: string[],
): Promise<Map<string, InterviewerEstimate>> {
  if (!cohort.fitId || memberIds.length === 0) return new Map();
  const rows = await db.cohortInterviewer.findMany({
    where: { workspaceId: cohort.workspaceId, fitId: cohort.fitId, memberId: { in: memberIds } },
  });
  return severitiesFrom(rows);
}

/** Interviewers' estimates by member id, from their `cohort_interviewers` rows. */
export function severitiesFrom(rows: { memberId: string; estimate: unknown }[]): Map<string, InterviewerEstimate> {
  return new Map(rows.map((r) => [r.memberId, readInterviewerEstimate(r.estimate)]));
}

/** One interviewer's statistics in the fit's summary (picked out in SQL), or null. */
export async function interviewerStats(db: Tx, cohort: Cohort, memberId: string): Promise<InterviewerStats | null> {
  if (!cohort.fitId) return null;
  const [row] = await db.$queryRaw<{ stats: unknown }[]>(sqlPart`
    SELECT e AS "stats" FROM "cohort_fits" f CROSS JOIN LATERAL jsonb_array_elements(f."summary" -> 'interviewers') AS e
    WHERE f."workspaceId" = ${cohort.workspaceId} AND f."fitId" = ${cohort.fitId} AND e ->> 'interviewerId' = ${memberId}
    LIMIT 1`);
  return row ? readInterviewerStats(row.stats) : null;
}

/** The stored scores of the given loops (all of the fit's loops when `loopIds` is omitted). */
export async function storedLoopScores(
  db: Tx,
  cohort: Cohort,
  loopIds?: string[],
): Promise<Map<string, CandidateScore[]>> {
  if (!cohort.fitId) return new Map();
  const rows = await db.cohortLoopScore.findMany({
    where: { workspaceId: cohort.workspaceId, fitId: cohort.fitId, ...(loopIds ? { loopId: { in: loopIds } } : {}) },
  });
  return new Map(rows.map((r) => [r.loopId, storedScoresFrom(r.loopId, r.scores)]));
}

/** One loop's scores from its `cohort_loop_scores` row (stored without the loop id each score would repeat). */
export function storedScoresFrom(loopId: string, scores: unknown): CandidateScore[] {
  return readStoredScores(scores).map((s) => ({ ...s, candidateId: loopId }));
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
export async function scoreLoop(db: Tx, cohort: Cohort, loopId: string, cards: CohortCard[]): Promise<LoopScores> {
  const stored = (await storedLoopScores(db, cohort, [loopId])).get(loopId);
  const own = await ratingsOf(db, cohort.workspaceId, cards);
  return scoreLoopFrom(cohort, loopId, cards, stored, own);
}

/**
 * `scoreLoop` from what it reads: the loop's stored scores in the cohort's fit (undefined when the loop is
 * not in it) and the numeric ratings of its own submitted scorecards (`ratingsOf`/`ratingsFrom` of `cards`).
 */
export function scoreLoopFrom(
  cohort: CohortState,
  loopId: string,
  cards: CohortCard[],
  stored: CandidateScore[] | undefined,
  own: Rating[],
): LoopScores {
  const inCohort = stored !== undefined;
  const roundOf = new Map(cards.map((c) => [c.id, c.roundId]));
  // Plain loops: this runs on every debrief and report view.
  const dimensionRounds = new Map<string, string[]>();
  const signalRounds = new Map<string, string[]>();
  const addRound = (to: Map<string, string[]>, key: string, round: string) => {
    const list = to.get(key);
    if (!list) to.set(key, [round]);
    else if (!list.includes(round)) list.push(round);
  };
  for (const r of own) {
    const round = roundOf.get(r.scorecardId ?? "");
    if (!round) continue;
    addRound(dimensionRounds, r.group ?? "other", round);
    addRound(signalRounds, r.key, round);
  }
  let rows: CandidateScore[];
  if (stored) {
    rows = stored;
  } else {
    // Scorecards newer than the stored fit wait for the worker; a loop older than the window stays raw.
    const newest = Math.max(0, ...cards.map((c) => c.submittedAt?.getTime() ?? 0));
    const reason =
      cohort.updating && (!cohort.since || newest >= cohort.since.getTime()) ? UPDATING_REASON : OUTSIDE_COHORT_REASON;
    rows = rawScores(loopId, own, reason);
  }
  const scores: LoopScores = { overall: null, dimensions: [], signals: [], inCohort };
  for (const r of rows) {
    if (r.kind === "overall") scores.overall ??= fromFit(r);
    else if (r.kind === "group") scores.dimensions.push({ ...fromFit(r), roundIds: dimensionRounds.get(r.key!) ?? [] });
    else if (r.kind === "key") scores.signals.push({ ...fromFit(r), roundIds: signalRounds.get(r.key!) ?? [] });
  }
  return scores;
}

/** Raw means of one loop's ratings, for a loop outside the cohort: never calibrated. */
function rawScores(loopId: string, ratings: Rating[], reason: string): CandidateScore[] {
  const summarize = (kind: CandidateScore["kind"], key: string | null, rs: Rating[]): CandidateScore => ({
    candidateId: loopId,
    kind,
    key,
    raw: rs.reduce((s, r) => s + r.value, 0) / rs.length,
    calibrated: null,
    standardError: null,
    ratings: rs.length,
    interviewers: new Set(rs.map((r) => r.interviewerId)).size,
    notCalibratedReason: reason,
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
