// Fitting the calibration cohort, off the request path. A trigger on scorecards (migration
// stored_cohort_fit) bumps cohort_fits.ratingsVersion in the transaction of any change to a submitted
// scorecard; the background worker (src/server/calibration/worker.ts) claims a workspace whose stored fit
// is behind (or whose window has moved on a day), fits the cohort once, and swaps the result in under a
// new fitId in one transaction. Requests read the stored result (./cohort.ts) and never fit.
// The version difference is the queue: a crash mid-fit leaves it behind, so the fit is retried.
import { readRatings } from "@/server/db/json";
import { retryDelayMs, type BackoffPolicy } from "@/domain/backoff";
import { measureAgreement } from "@/domain/calibration/agreement";
import { calibrate } from "@/domain/calibration/calibrate";
import type { Rating } from "@/domain/calibration/ratings";
import type { CandidateScore, InterviewerEstimate } from "@/domain/calibration/results";
import { estimateByDimension } from "@/domain/rater";
import type { SignalAnswer } from "@/domain/scorecard";
import { asJson, type Db } from "@/server/db";
import { COHORT_MAX_LOOPS, type CohortSummary, windowStart } from "./cohort";
import type { Tx } from "./scope";
import { versionContents } from "./scorecard/rubric-version";

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

/** How long a worker's claim on a workspace's fit lasts before another worker may take it over. */
export const FIT_CLAIM_MS = 5 * 60_000;
const FIT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000 };

/** The numeric ratings of scorecards, keyed by signal and grouped by the signal's dimension. */
export async function ratingsOf(db: Tx, workspaceId: string, cards: CohortCard[]): Promise<Rating[]> {
  const versions = await versionContents(
    db,
    workspaceId,
    cards.map((c) => c.rubricVersionId),
  );
  return ratingsFrom(versions, cards);
}

/** `ratingsOf` with the cards' rubric versions in hand (each version's signals give their dimensions). */
export function ratingsFrom(
  versions: { signals: { rubricVersionId: string; key: string; dimensionKey: string }[] }[],
  cards: CohortCard[],
): Rating[] {
  const dimensionOf = new Map(
    versions.flatMap((v) => v.signals.map((s) => [`${s.rubricVersionId}:${s.key}`, s.dimensionKey] as const)),
  );
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

/** The cohort's loops at `now`: a scorecard submitted in the window, the most recent COHORT_MAX_LOOPS. */
async function selectCohort(db: Tx, workspaceId: string, now: Date) {
  const since = windowStart(now);
  const recent = await db.scorecard.groupBy({
    by: ["loopId"],
    where: { workspaceId, status: "submitted", submittedAt: { gte: since } },
    _max: { submittedAt: true },
    orderBy: [{ _max: { submittedAt: "desc" } }, { loopId: "asc" }],
    take: COHORT_MAX_LOOPS + 1,
  });
  const loopIds = recent.slice(0, COHORT_MAX_LOOPS).map((r) => r.loopId);
  const rows = await db.scorecard.findMany({
    where: { workspaceId, status: "submitted", loopId: { in: loopIds } },
    select: {
      id: true,
      loopId: true,
      roundId: true,
      interviewerMemberId: true,
      rubricVersionId: true,
      ratings: true,
      redFlagKeys: true,
      submittedAt: true,
    },
    orderBy: { id: "asc" },
  });
  const cards: CohortCard[] = rows.map((c) => ({ ...c, ratings: readRatings(c.ratings) }));
  return { since, loopIds, cards, truncated: recent.length > COHORT_MAX_LOOPS };
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** What the interviewer report shows beside each estimate: volume, agreement with the panel, time to submit. */
async function interviewerStatistics(
  db: Tx,
  workspaceId: string,
  cards: CohortCard[],
  ratings: Rating[],
  interviewers: InterviewerEstimate[],
) {
  const rounds = await db.round.findMany({
    where: { workspaceId, id: { in: [...new Set(cards.map((c) => c.roundId))] } },
    select: { id: true, endsAt: true },
  });
  const endOf = new Map(rounds.map((r) => [r.id, r.endsAt]));
  // Agreement with the panel: mean absolute difference from the other interviewers' mean on the same
  // loop and signal (0 = always in line).
  const cell = new Map<string, { interviewerId: string; value: number }[]>();
  for (const r of ratings) {
    const key = `${r.candidateId}\u0000${r.key}`;
    const list = cell.get(key);
    if (list) list.push({ interviewerId: r.interviewerId, value: r.value });
    else cell.set(key, [{ interviewerId: r.interviewerId, value: r.value }]);
  }
  const gaps = new Map<string, number[]>();
  for (const values of cell.values()) {
    for (const v of values) {
      const others = values.filter((o) => o.interviewerId !== v.interviewerId);
      if (!others.length) continue;
      const mean = others.reduce((s, o) => s + o.value, 0) / others.length;
      const list = gaps.get(v.interviewerId);
      if (list) list.push(Math.abs(v.value - mean));
      else gaps.set(v.interviewerId, [Math.abs(v.value - mean)]);
    }
  }
  const cardsBy = new Map<string, CohortCard[]>();
  for (const c of cards) {
    const list = cardsBy.get(c.interviewerMemberId);
    if (list) list.push(c);
    else cardsBy.set(c.interviewerMemberId, [c]);
  }
  return interviewers.map((i) => {
    const mine = cardsBy.get(i.interviewerId) ?? [];
    const hours = mine.flatMap((c) => {
      const end = endOf.get(c.roundId);
      return end && c.submittedAt ? [Math.max(0, (c.submittedAt.getTime() - end.getTime()) / 3_600_000)] : [];
    });
    const g = gaps.get(i.interviewerId) ?? [];
    return {
      interviewerId: i.interviewerId,
      scorecards: mine.length,
      panelGap: g.length ? g.reduce((s, x) => s + x, 0) / g.length : null,
      medianHoursToSubmit: median(hours),
    };
  });
}

/**
 * Fits the workspace's cohort as of `now` and stores it as the current fit for ratings `version`. Returns
 * false (and stores nothing) when a fit of this version or a newer one was stored meanwhile.
 */
export async function fitCohort(
  db: Db,
  workspaceId: string,
  version: number,
  now: Date = new Date(),
): Promise<boolean> {
  const started = performance.now();
  const { since, loopIds, cards, truncated } = await selectCohort(db, workspaceId, now);
  const ratings = await ratingsOf(db, workspaceId, cards);
  const fit = calibrate(ratings);
  // "How I rate" shows severity and gain per dimension: the same model on each dimension's ratings alone.
  const byDimension = estimateByDimension(ratings);
  const statistics = await interviewerStatistics(db, workspaceId, cards, ratings, fit.interviewers);
  const summary: CohortSummary = {
    model: fit.model,
    warnings: fit.warnings,
    interviewers: statistics,
    agreement: {
      bySignal: measureAgreement(ratings, { by: "key" }),
      byDimension: measureAgreement(ratings, { by: "group" }),
    },
  };
  const byLoop = new Map<string, CandidateScore[]>();
  for (const s of fit.candidates) {
    const list = byLoop.get(s.candidateId);
    if (list) list.push(s);
    else byLoop.set(s.candidateId, [s]);
  }
  const fitId = `${version}-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const durationMs = Math.round(performance.now() - started);
  return db.$transaction(
    async (tx) => {
      const current = await tx.cohortFit.findUnique({ where: { workspaceId } });
      if (
        !current ||
        current.fittedVersion > version ||
        (current.fittedVersion === version && current.since && current.since >= since)
      )
        return false;
      // One statement per table, the rows passed as one JSON document: Prisma's createMany of thousands of
      // JSON values took seconds longer.
      const scores = Object.fromEntries(
        [...byLoop].map(([loopId, rows]) => [loopId, rows.map(({ candidateId: _c, ...score }) => score)]),
      );
      await tx.$executeRaw`INSERT INTO "cohort_loop_scores" ("workspaceId", "fitId", "loopId", "scores")
        SELECT ${workspaceId}, ${fitId}, x.key, x.value FROM jsonb_each(${JSON.stringify(scores)}::jsonb) AS x`;
      const estimates = Object.fromEntries(
        fit.interviewers.map((e) => [e.interviewerId, { ...e, dimensions: byDimension.get(e.interviewerId) ?? [] }]),
      );
      await tx.$executeRaw`INSERT INTO "cohort_interviewers" ("workspaceId", "fitId", "memberId", "estimate")
        SELECT ${workspaceId}, ${fitId}, x.key, x.value FROM jsonb_each(${JSON.stringify(estimates)}::jsonb) AS x`;
      await tx.cohortFit.update({
        where: { workspaceId },
        data: {
          fitId,
          previousFitId: current.fitId,
          fittedVersion: version,
          since,
          loops: loopIds.length,
          truncated,
          summary: asJson(summary),
          fittedAt: now,
          durationMs,
          claimedUntil: null,
          attempts: 0,
          nextAttemptAt: null,
          lastError: null,
        },
      });
      // The previous fit stays readable for requests that began before this swap; older ones go.
      const keep = [fitId, ...(current.fitId ? [current.fitId] : [])];
      await tx.cohortLoopScore.deleteMany({ where: { workspaceId, fitId: { notIn: keep } } });
      await tx.cohortInterviewer.deleteMany({ where: { workspaceId, fitId: { notIn: keep } } });
      return true;
    },
    { timeout: 120_000 },
  );
}

export interface FitRunReport {
  fitted: string[];
  failed: string[];
}

/**
 * Claims and fits every workspace whose stored fit is behind its ratings or whose window has moved on,
 * one at a time (claims are SKIP LOCKED, so several workers share the work). A failed fit is retried
 * with backoff. `workspaceId` limits the run to one workspace (tests).
 */
export async function runDueCohortFits(
  db: Db,
  options: { now?: Date; workspaceId?: string; max?: number } = {},
): Promise<FitRunReport> {
  const report: FitRunReport = { fitted: [], failed: [] };
  const max = options.max ?? 100;
  for (let n = 0; n < max; n++) {
    const now = options.now ?? new Date();
    const window = windowStart(now);
    const claimedUntil = new Date(now.getTime() + FIT_CLAIM_MS);
    const only = options.workspaceId ?? null;
    const claimed = await db.$queryRaw<{ workspaceId: string; ratingsVersion: number; attempts: number }[]>`
      UPDATE "cohort_fits" SET "claimedUntil" = ${claimedUntil}, "attempts" = "attempts" + 1
      WHERE "workspaceId" = (
        SELECT "workspaceId" FROM "cohort_fits"
        WHERE ("fittedVersion" < "ratingsVersion" OR "since" IS NULL OR "since" < ${window})
          AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
          AND (${only}::text IS NULL OR "workspaceId" = ${only})
        ORDER BY "nextAttemptAt" NULLS FIRST, "workspaceId"
        LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "workspaceId", "ratingsVersion", "attempts"`;
    const job = claimed[0];
    if (!job) break;
    try {
      await fitCohort(db, job.workspaceId, job.ratingsVersion, now);
      // A fit that found a newer one stored only releases its claim.
      await db.cohortFit.updateMany({
        where: { workspaceId: job.workspaceId, claimedUntil },
        data: { claimedUntil: null, attempts: 0 },
      });
      report.fitted.push(job.workspaceId);
    } catch (err) {
      const delay = retryDelayMs(job.attempts, FIT_BACKOFF, Math.random());
      await db.cohortFit.update({
        where: { workspaceId: job.workspaceId },
        data: {
          claimedUntil: null,
          nextAttemptAt: new Date(now.getTime() + delay),
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
        },
      });
      report.failed.push(job.workspaceId);
    }
  }
  return report;
}
