// Calibration exercises: a coach publishes a practice case for a round type (an answer written out, and
// the reference rating of each signal with its reason); interviewers rate it blind against the round
// type's published rubric and then see their ratings beside the reference and the panel's. The reference
// leaves the server only in a comparison, i.e. after the caller's own attempt, or to coaches reviewing.
import {
  compareWithReference,
  exerciseState,
  mayAttempt,
  type ExerciseRating,
  type ReferenceRating,
} from "@/domain/exercise";
import { qualificationKey } from "@/domain/training";
import type { CreateExerciseInput } from "@/schemas/exercise";
import { asJson, type Db } from "@/server/db";
import { readAttemptRatings, readExerciseLinks, readExerciseReference } from "@/server/db/json";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { loadCohort, severities } from "./cohort";
import { memberNames } from "./member-names";
import { publishedRubricVersionId } from "./published-rubric";
import { inTransaction, type Scope, type Tx } from "./scope";
import { loadExercisePasses } from "./training-progress";

const coaches = (scope: Scope) => scope.role === "owner" || scope.role === "coach";

async function rubricSignals(db: Tx, workspaceId: string, rubricVersionId: string) {
  return db.signal.findMany({
    where: { workspaceId, rubricVersionId },
    orderBy: { order: "asc" },
    select: {
      key: true,
      dimensionKey: true,
      title: true,
      description: true,
      anchor1: true,
      anchor2: true,
      anchor3: true,
      anchor4: true,
    },
  });
}

/** Publishes an exercise against the round type's published rubric (pinned, as a round pins it). */
export async function createExercise(db: Tx, scope: Scope, input: Omit<CreateExerciseInput, "workspaceId">) {
  const roundType = await db.roundType.findFirst({
    where: { id: input.roundTypeId, workspaceId: scope.workspaceId },
    select: { id: true, archivedAt: true },
  });
  if (!roundType) throw notFound("That round type");
  if (roundType.archivedAt) throw new AppError("CONFLICT", "That round type is archived: restore it first.");
  const rubricVersionId = await publishedRubricVersionId(db, scope.workspaceId, roundType.id);
  if (!rubricVersionId)
    throw new AppError("CONFLICT", "This round type has no published rubric yet: publish one, then write the case.");
  if (Object.keys(input.reference).length === 0)
    throw new AppError("BAD_REQUEST", "Give a reference rating, with its reason, for at least one signal.");
  const signals = await rubricSignals(db, scope.workspaceId, rubricVersionId);
  const known = new Set(signals.map((s) => s.key));
  const unknown = Object.keys(input.reference).filter((k) => !known.has(k));
  if (unknown.length)
    throw new AppError(
      "BAD_REQUEST",
      `The published rubric has no signal ${unknown.map((k) => `"${k}"`).join(", ")}: rate only its signals.`,
    );
  return inTransaction(db, async (tx) => {
    const exercise = await tx.calibrationExercise.create({
      data: {
        workspaceId: scope.workspaceId,
        roundTypeId: roundType.id,
        rubricVersionId,
        title: input.title,
        prompt: input.prompt,
        transcript: input.transcript,
        links: asJson(input.links),
        reference: asJson(input.reference),
        maxMeanDifference: input.maxMeanDifference,
        failAtDifference: input.failAtDifference,
        recurDays: input.recurDays,
        driftThreshold: input.driftThreshold,
        createdById: scope.memberId,
      },
      select: { id: true, title: true },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "exercise.published",
      targetType: "exercise",
      targetId: exercise.id,
      data: { title: exercise.title },
    });
    return exercise;
  });
}

export async function archiveExercise(db: Tx, scope: Scope, input: { exerciseId: string }) {
  const found = await db.calibrationExercise.findFirst({
    where: { id: input.exerciseId, workspaceId: scope.workspaceId },
    select: { id: true, archivedAt: true, title: true },
  });
  if (!found) throw notFound("That exercise");
  if (found.archivedAt) throw new AppError("CONFLICT", "That exercise is already archived.");
  return inTransaction(db, async (tx) => {
    await tx.calibrationExercise.update({ where: { id: found.id }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "exercise.archived",
      targetType: "exercise",
      targetId: found.id,
      data: { title: found.title },
    });
    return { id: found.id };
  });
}

/** The caller's severity in the stored cohort fit (null when not measured). */
async function severityOf(db: Tx, workspaceId: string, memberId: string, now: Date): Promise<number | null> {
  const cohort = await loadCohort(db, workspaceId, now);
  return (await severities(db, cohort, [memberId])).get(memberId)?.severity ?? null;
}

/** Active exercises with the caller's standing on each: new, due again, done; suggested by drift. */
export async function listExercises(db: Tx, scope: Scope, now = new Date()) {
  const exercises = await db.calibrationExercise.findMany({
    where: { workspaceId: scope.workspaceId, archivedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      roundTypeId: true,
      recurDays: true,
      driftThreshold: true,
      maxMeanDifference: true,
      failAtDifference: true,
      reference: true,
      createdAt: true,
    },
  });
  const [attempts, roundTypes, severity] = await Promise.all([
    db.exerciseAttempt.findMany({
      where: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        exerciseId: { in: exercises.map((e) => e.id) },
      },
      select: { exerciseId: true, submittedAt: true, passed: true, severityAtAttempt: true },
    }),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: [...new Set(exercises.map((e) => e.roundTypeId))] } },
      select: { id: true, name: true },
    }),
    severityOf(db, scope.workspaceId, scope.memberId, now),
  ]);
  const typeName = new Map(roundTypes.map((r) => [r.id, r.name]));
  const attemptsBy = new Map<string, typeof attempts>();
  for (const a of attempts) attemptsBy.set(a.exerciseId, [...(attemptsBy.get(a.exerciseId) ?? []), a]);
  // Coaches also see how many people have rated each case.
  const counts = coaches(scope)
    ? new Map(
        (
          await db.exerciseAttempt.groupBy({
            by: ["exerciseId"],
            where: { workspaceId: scope.workspaceId, exerciseId: { in: exercises.map((e) => e.id) } },
            _count: { _all: true },
          })
        ).map((g) => [g.exerciseId, g._count._all]),
      )
    : null;
  return {
    severity,
    exercises: exercises.map((e) => {
      const state = exerciseState(attemptsBy.get(e.id) ?? [], e, severity, now);
      return {
        id: e.id,
        title: e.title,
        roundTypeId: e.roundTypeId,
        roundType: typeName.get(e.roundTypeId) ?? "Round type",
        signals: Object.keys(readExerciseReference(e.reference)).length,
        recurDays: e.recurDays,
        tolerance: { maxMeanDifference: e.maxMeanDifference, failAtDifference: e.failAtDifference },
        ...state,
        mayAttempt: mayAttempt(state),
        attempts: counts ? (counts.get(e.id) ?? 0) : null,
      };
    }),
  };
}

async function loadExercise(db: Tx, scope: Scope, exerciseId: string) {
  const exercise = await db.calibrationExercise.findFirst({
    where: { id: exerciseId, workspaceId: scope.workspaceId },
  });
  if (!exercise) throw notFound("That exercise");
  const reference = readExerciseReference(exercise.reference);
  const signals = (await rubricSignals(db, scope.workspaceId, exercise.rubricVersionId)).filter(
    (s) => reference[s.key],
  );
  return { exercise, reference, signals };
}

/** The latest attempt of every other member: the panel's distribution counts them, never names them. */
async function panelRatings(db: Tx, scope: Scope, exerciseId: string, exceptMemberId: string) {
  const rows = await db.exerciseAttempt.findMany({
    where: { workspaceId: scope.workspaceId, exerciseId, memberId: { not: exceptMemberId } },
    orderBy: [{ memberId: "asc" }, { submittedAt: "desc" }],
    distinct: ["memberId"],
    select: { ratings: true },
  });
  return rows.map((r) =>
    Object.fromEntries(Object.entries(readAttemptRatings(r.ratings)).map(([k, v]) => [k, v.rating])),
  );
}

function comparisonOf(
  keys: string[],
  reference: Record<string, ReferenceRating>,
  ratings: Record<string, { rating: ExerciseRating; evidence: string }>,
  panel: Record<string, ExerciseRating>[],
  tolerance: { maxMeanDifference: number; failAtDifference: number },
) {
  const mine = Object.fromEntries(Object.entries(ratings).map(([k, v]) => [k, v.rating]));
  return compareWithReference(keys, reference, mine, panel, tolerance);
}

/**
 * The case to rate: prompt, transcript, links and the signals with anchors. The caller's latest attempt
 * comes with its comparison (reference ratings, reasons, the panel's counts); before any attempt there is
 * no reference in the answer at all.
 */
export async function getExercise(db: Tx, scope: Scope, input: { exerciseId: string }, now = new Date()) {
  const { exercise, reference, signals } = await loadExercise(db, scope, input.exerciseId);
  const [mine, roundType, severity] = await Promise.all([
    db.exerciseAttempt.findMany({
      where: { workspaceId: scope.workspaceId, exerciseId: exercise.id, memberId: scope.memberId },
      orderBy: { submittedAt: "desc" },
      select: {
        id: true,
        ratings: true,
        submittedAt: true,
        passed: true,
        severityAtAttempt: true,
        meanDifference: true,
      },
    }),
    db.roundType.findFirst({
      where: { id: exercise.roundTypeId, workspaceId: scope.workspaceId },
      select: { name: true },
    }),
    severityOf(db, scope.workspaceId, scope.memberId, now),
  ]);
  const state = exerciseState(mine, exercise, severity, now);
  const latest = mine[0];
  const keys = signals.map((s) => s.key);
  const result = latest
    ? {
        submittedAt: latest.submittedAt,
        ratings: readAttemptRatings(latest.ratings),
        comparison: comparisonOf(
          keys,
          reference,
          readAttemptRatings(latest.ratings),
          await panelRatings(db, scope, exercise.id, scope.memberId),
          exercise,
        ),
      }
    : null;
  return {
    id: exercise.id,
    title: exercise.title,
    roundType: roundType?.name ?? "Round type",
    prompt: exercise.prompt,
    transcript: exercise.transcript,
    links: readExerciseLinks(exercise.links),
    archived: exercise.archivedAt !== null,
    tolerance: { maxMeanDifference: exercise.maxMeanDifference, failAtDifference: exercise.failAtDifference },
    recurDays: exercise.recurDays,
    signals: signals.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description,
      anchors: [s.anchor1, s.anchor2, s.anchor3, s.anchor4],
    })),
    ...state,
    mayAttempt: !exercise.archivedAt && mayAttempt(state),
    attempts: mine.map((a) => ({ submittedAt: a.submittedAt, passed: a.passed, meanDifference: a.meanDifference })),
    result,
  };
}

/** Records a blind attempt and answers its comparison. One attempt per due period (or drift suggestion). */
export async function submitAttempt(
  db: Tx,
  scope: Scope,
  input: { exerciseId: string; ratings: Record<string, { rating: ExerciseRating; evidence: string }> },
  now = new Date(),
) {
  const { exercise, reference, signals } = await loadExercise(db, scope, input.exerciseId);
  if (exercise.archivedAt) throw new AppError("CONFLICT", "This exercise is archived and takes no more ratings.");
  const keys = signals.map((s) => s.key);
  const missing = signals.filter((s) => !input.ratings[s.key]).map((s) => `“${s.title}”`);
  if (missing.length) throw new AppError("BAD_REQUEST", `Rate every signal before you submit: ${missing.join(", ")}.`);
  const extra = Object.keys(input.ratings).filter((k) => !reference[k]);
  if (extra.length) throw new AppError("BAD_REQUEST", "Rate only the signals this exercise lists.");
  const severity = await severityOf(db, scope.workspaceId, scope.memberId, now);
  return inTransaction(db, async (tx) => {
    // One attempt at a time per person and exercise: the lock orders two submits of the same attempt.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`exercise:${exercise.id}:${scope.memberId}`}))`;
    const previous = await tx.exerciseAttempt.findMany({
      where: { workspaceId: scope.workspaceId, exerciseId: exercise.id, memberId: scope.memberId },
      select: { submittedAt: true, passed: true, severityAtAttempt: true },
    });
    const state = exerciseState(previous, exercise, severity, now);
    if (!mayAttempt(state))
      throw new AppError(
        "CONFLICT",
        state.dueAt
          ? "You have rated this case already; it is due again later (see the date on the exercise)."
          : "You have rated this case already; your comparison is on the exercise page.",
      );
    const ratings = Object.fromEntries(keys.map((k) => [k, input.ratings[k]!]));
    const panel = await panelRatings(tx, scope, exercise.id, scope.memberId);
    const comparison = comparisonOf(keys, reference, ratings, panel, exercise);
    const attempt = await tx.exerciseAttempt.create({
      data: {
        workspaceId: scope.workspaceId,
        exerciseId: exercise.id,
        memberId: scope.memberId,
        ratings: asJson(ratings),
        meanDifference: comparison.meanDifference,
        maxDifference: comparison.maxDifference,
        passed: comparison.passed,
        severityAtAttempt: severity,
        submittedAt: now,
      },
      select: { id: true, submittedAt: true },
    });
    return { id: attempt.id, submittedAt: attempt.submittedAt, comparison };
  });
}

/** For coaches: the exercise with its reference, and every attempt's outcome by person. */
export async function reviewExercise(db: Tx, scope: Scope, input: { exerciseId: string }) {
  const { exercise, reference, signals } = await loadExercise(db, scope, input.exerciseId);
  const attempts = await db.exerciseAttempt.findMany({
    where: { workspaceId: scope.workspaceId, exerciseId: exercise.id },
    orderBy: { submittedAt: "desc" },
    select: { memberId: true, submittedAt: true, passed: true, meanDifference: true, maxDifference: true },
  });
  const names = await memberNames(db, scope.workspaceId, [...new Set(attempts.map((a) => a.memberId))]);
  return {
    id: exercise.id,
    title: exercise.title,
    reference: signals.map((s) => ({ key: s.key, title: s.title, ...reference[s.key]! })),
    attempts: attempts.map((a) => ({ ...a, name: names.get(a.memberId) ?? "Member" })),
  };
}

/**
 * Whether the user has passed a calibration exercise of the round type: their latest attempt of at least
 * one active exercise of it passed. For training paths, where passing can be a step.
 */
export async function exercisePassed(
  db: Db | Tx,
  workspaceId: string,
  userId: string,
  roundTypeId: string,
): Promise<boolean> {
  const member = await db.membership.findFirst({ where: { workspaceId, userId }, select: { id: true } });
  if (!member) return false;
  const passes = await loadExercisePasses(db, workspaceId, [roundTypeId], [member.id]);
  return passes.has(qualificationKey(member.id, roundTypeId));
}
