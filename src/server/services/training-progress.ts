// What training paths say about people: who may lead which round type, and each trainee's progress
// counted from real rounds (src/domain/training.ts). Reads only; the workflows are in ./training.ts.
import { displayName } from "@/domain/people";
import {
  canLead,
  qualificationKey,
  trainingProgress,
  type LeadRules,
  type PathRequirement,
  type TrainingProgress,
  type TrainingRound,
} from "@/domain/training";
import type { Tx } from "./scope";

export const INTERVIEWING_ROLES = ["interviewer", "coach", "owner"] as const;

/** Which round types have a path and who is qualified for them: two indexed queries. */
export async function loadLeadRules(db: Tx, workspaceId: string, roundTypeIds?: string[]): Promise<LeadRules> {
  const paths = await db.trainingPath.findMany({
    where: { workspaceId, ...(roundTypeIds ? { roundTypeId: { in: roundTypeIds } } : {}) },
    select: { roundTypeId: true },
  });
  const pathRoundTypeIds = new Set(paths.map((p) => p.roundTypeId));
  const qualifications = pathRoundTypeIds.size
    ? await db.interviewerQualification.findMany({
        where: { workspaceId, roundTypeId: { in: [...pathRoundTypeIds] } },
        select: { memberId: true, roundTypeId: true },
      })
    : [];
  return {
    pathRoundTypeIds,
    qualified: new Set(qualifications.map((q) => qualificationKey(q.memberId, q.roundTypeId))),
  };
}

/**
 * The booked rounds of the given round types that had a shadow (every shadow and reverse-shadow round
 * has one) and in which one of the given members took part, with whose scorecards are submitted.
 */
export async function loadTrainingRounds(db: Tx, workspaceId: string, roundTypeIds: string[], memberIds: string[]) {
  if (roundTypeIds.length === 0 || memberIds.length === 0) return [];
  const rounds = await db.round.findMany({
    where: {
      workspaceId,
      status: "scheduled",
      roundTypeId: { in: roundTypeIds },
      shadowMemberId: { not: null },
      startsAt: { not: null },
      OR: [{ interviewerMemberId: { in: memberIds } }, { shadowMemberId: { in: memberIds } }],
    },
    select: { id: true, roundTypeId: true, startsAt: true, interviewerMemberId: true, shadowMemberId: true },
  });
  const submitted = rounds.length
    ? await db.scorecard.findMany({
        where: { workspaceId, roundId: { in: rounds.map((r) => r.id) }, status: "submitted" },
        select: { roundId: true, interviewerMemberId: true },
      })
    : [];
  const done = new Set(submitted.map((s) => `${s.roundId}:${s.interviewerMemberId}`));
  return rounds.map((r) => ({ ...r, submittedBy: (id: string) => done.has(`${r.id}:${id}`) }));
}

export type LoadedRound = Awaited<ReturnType<typeof loadTrainingRounds>>[number];

/**
 * Who has passed a calibration exercise of which round type (keys `${memberId}:${roundTypeId}`): a member's
 * latest attempt at an active exercise of the type passed. One query for any number of members and types.
 */
export async function loadExercisePasses(
  db: Tx,
  workspaceId: string,
  roundTypeIds: string[],
  memberIds: string[],
): Promise<ReadonlySet<string>> {
  if (roundTypeIds.length === 0 || memberIds.length === 0) return new Set();
  const latest = await db.exerciseAttempt.findMany({
    where: {
      workspaceId,
      memberId: { in: memberIds },
      exercise: { roundTypeId: { in: roundTypeIds }, archivedAt: null },
    },
    orderBy: [{ memberId: "asc" }, { exerciseId: "asc" }, { submittedAt: "desc" }],
    distinct: ["memberId", "exerciseId"],
    select: { memberId: true, passed: true, exercise: { select: { roundTypeId: true } } },
  });
  return new Set(latest.filter((a) => a.passed).map((a) => qualificationKey(a.memberId, a.exercise.roundTypeId)));
}

export function progressOf(
  memberId: string,
  roundTypeId: string,
  path: PathRequirement,
  rounds: LoadedRound[],
  rules: LeadRules,
  passes: ReadonlySet<string> = new Set(),
): TrainingProgress {
  const mine: TrainingRound[] = rounds
    .filter(
      (r) => r.roundTypeId === roundTypeId && (r.interviewerMemberId === memberId || r.shadowMemberId === memberId),
    )
    .map((r) => ({
      roundId: r.id,
      startsAt: r.startsAt!,
      leadId: r.interviewerMemberId,
      shadowId: r.shadowMemberId,
      traineeSubmitted: r.submittedBy(memberId),
    }));
  return trainingProgress(
    memberId,
    path,
    mine,
    (id) => rules.qualified.has(qualificationKey(id, roundTypeId)),
    rules.qualified.has(qualificationKey(memberId, roundTypeId)),
    passes.has(qualificationKey(memberId, roundTypeId)),
  );
}

/** Interviewing members with their names and the round types of their pools. */
export async function loadPeople(db: Tx, workspaceId: string) {
  const members = await db.membership.findMany({
    where: { workspaceId, role: { in: [...INTERVIEWING_ROLES] } },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const profiles = await db.schedulingProfile.findMany({
    where: { workspaceId, memberId: { in: members.map((m) => m.id) } },
    select: { memberId: true, roundTypeKeys: true },
  });
  const keysOf = new Map(profiles.map((p) => [p.memberId, p.roundTypeKeys]));
  return members.map((m) => ({ memberId: m.id, name: displayName(m.user), roundTypeKeys: keysOf.get(m.id) ?? [] }));
}

/**
 * For the slot suggestions: the lead rules and, per round type with a path, its trainees (pool members not
 * qualified) with their counted shadows, so a template can add one as each round's shadow.
 */
export async function loadTraineesForRounds(
  db: Tx,
  workspaceId: string,
  pools: { memberId: string; roundTypeKeys: string[] }[],
  roundTypes: { id: string; key: string }[],
) {
  const rules = await loadLeadRules(
    db,
    workspaceId,
    roundTypes.map((t) => t.id),
  );
  const withPath = roundTypes.filter((t) => rules.pathRoundTypeIds.has(t.id));
  const [paths, rounds] = await Promise.all([
    withPath.length
      ? db.trainingPath.findMany({ where: { workspaceId, roundTypeId: { in: withPath.map((t) => t.id) } } })
      : Promise.resolve([]),
    loadTrainingRounds(
      db,
      workspaceId,
      withPath.map((t) => t.id),
      pools.map((p) => p.memberId).filter((id) => withPath.some((t) => !canLead(rules, id, t.id))),
    ),
  ]);
  const trainees = new Map<string, { memberId: string; shadowsDone: number; shadowsRequired: number }[]>();
  for (const t of withPath) {
    const path = paths.find((p) => p.roundTypeId === t.id);
    if (!path) continue;
    trainees.set(
      t.id,
      pools
        .filter((p) => p.roundTypeKeys.includes(t.key) && !canLead(rules, p.memberId, t.id))
        .map((p) => {
          const progress = progressOf(p.memberId, t.id, path, rounds, rules);
          return { memberId: p.memberId, shadowsDone: progress.shadows.done, shadowsRequired: path.shadowsRequired };
        }),
    );
  }
  return { rules, trainees };
}
