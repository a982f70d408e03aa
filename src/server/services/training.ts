// Interviewer training paths: the coach's requirement per round type, progress counted from real rounds,
// sign-off, and the rules that keep unqualified interviewers out of the lead seat (src/domain/training.ts).
import { displayName } from "@/domain/people";
import { canLead, qualificationKey, type LeadRules } from "@/domain/training";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { inTransaction, type Scope, type Tx } from "./scope";
import {
  INTERVIEWING_ROLES,
  loadExercisePasses,
  loadLeadRules,
  loadPeople,
  loadTrainingRounds,
  progressOf,
} from "./training-progress";

/**
 * For the coach: every active round type with its path (or none), who is qualified and each trainee's
 * progress. Trainees are the members whose pool includes the type while they are not qualified for it.
 */
export async function getTrainingOverview(db: Tx, scope: Scope) {
  const [roundTypes, paths, people, qualifications] = await Promise.all([
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, archivedAt: null },
      select: { id: true, key: true, name: true },
      orderBy: { order: "asc" },
    }),
    db.trainingPath.findMany({ where: { workspaceId: scope.workspaceId } }),
    loadPeople(db, scope.workspaceId),
    db.interviewerQualification.findMany({ where: { workspaceId: scope.workspaceId } }),
  ]);
  const rules: LeadRules = {
    pathRoundTypeIds: new Set(paths.map((p) => p.roundTypeId)),
    qualified: new Set(qualifications.map((q) => qualificationKey(q.memberId, q.roundTypeId))),
  };
  const learners = people
    .map((p) => p.memberId)
    .filter((id) => paths.some((p) => !rules.qualified.has(qualificationKey(id, p.roundTypeId))));
  const [rounds, passes] = await Promise.all([
    loadTrainingRounds(
      db,
      scope.workspaceId,
      paths.map((p) => p.roundTypeId),
      learners,
    ),
    loadExercisePasses(
      db,
      scope.workspaceId,
      paths.filter((p) => p.exerciseRequired).map((p) => p.roundTypeId),
      learners,
    ),
  ]);
  const nameOf = new Map(people.map((p) => [p.memberId, p.name]));
  return roundTypes.map((t) => {
    const path = paths.find((p) => p.roundTypeId === t.id);
    const requirement = path && {
      shadowsRequired: path.shadowsRequired,
      reverseShadowsRequired: path.reverseShadowsRequired,
      exerciseRequired: path.exerciseRequired,
    };
    return {
      roundTypeId: t.id,
      key: t.key,
      name: t.name,
      path: requirement ?? null,
      qualified: requirement
        ? qualifications
            .filter((q) => q.roundTypeId === t.id && nameOf.has(q.memberId))
            .map((q) => ({ memberId: q.memberId, name: nameOf.get(q.memberId)!, basis: q.basis, at: q.qualifiedAt }))
        : [],
      trainees: requirement
        ? people
            .filter((p) => p.roundTypeKeys.includes(t.key) && !canLead(rules, p.memberId, t.id))
            .map((p) => ({
              memberId: p.memberId,
              name: p.name,
              progress: progressOf(p.memberId, t.id, requirement, rounds, rules, passes),
            }))
        : [],
      /** Without a path, everyone in the pool leads. */
      pool: people.filter((p) => p.roundTypeKeys.includes(t.key)).length,
    };
  });
}

/** The caller's own paths: each round type with a path that is in their pool or that they qualified for. */
export async function getMyTraining(db: Tx, scope: Scope) {
  const [paths, profile] = await Promise.all([
    db.trainingPath.findMany({
      where: { workspaceId: scope.workspaceId },
      include: { roundType: { select: { key: true, name: true, archivedAt: true, order: true } } },
    }),
    db.schedulingProfile.findUnique({
      where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: scope.memberId } },
      select: { roundTypeKeys: true },
    }),
  ]);
  const active = paths.filter((p) => !p.roundType.archivedAt);
  const [rules, rounds, mine, passes] = await Promise.all([
    loadLeadRules(
      db,
      scope.workspaceId,
      active.map((p) => p.roundTypeId),
    ),
    loadTrainingRounds(
      db,
      scope.workspaceId,
      active.map((p) => p.roundTypeId),
      [scope.memberId],
    ),
    db.interviewerQualification.findMany({ where: { workspaceId: scope.workspaceId, memberId: scope.memberId } }),
    loadExercisePasses(
      db,
      scope.workspaceId,
      active.filter((p) => p.exerciseRequired).map((p) => p.roundTypeId),
      [scope.memberId],
    ),
  ]);
  const keys = profile?.roundTypeKeys ?? [];
  return active
    .filter((p) => keys.includes(p.roundType.key) || mine.some((q) => q.roundTypeId === p.roundTypeId))
    .sort((a, b) => a.roundType.order - b.roundType.order)
    .map((p) => {
      const qualification = mine.find((q) => q.roundTypeId === p.roundTypeId);
      return {
        roundTypeId: p.roundTypeId,
        name: p.roundType.name,
        requirement: {
          shadowsRequired: p.shadowsRequired,
          reverseShadowsRequired: p.reverseShadowsRequired,
          exerciseRequired: p.exerciseRequired,
        },
        progress: progressOf(scope.memberId, p.roundTypeId, p, rounds, rules, passes),
        qualifiedAt: qualification?.qualifiedAt ?? null,
      };
    });
}

async function activeRoundType(db: Tx, scope: Scope, roundTypeId: string) {
  const roundType = await db.roundType.findFirst({
    where: { id: roundTypeId, workspaceId: scope.workspaceId },
    select: { id: true, key: true, name: true, archivedAt: true },
  });
  if (!roundType) throw notFound("That round type");
  return roundType;
}

/**
 * Sets the requirement of a round type. A new path qualifies everyone who has already led a booked round
 * of the type, so the people who run it today stay in its pool (the migration did the same for the past).
 */
export async function saveTrainingPath(
  db: Tx,
  scope: Scope,
  input: { roundTypeId: string; shadowsRequired: number; reverseShadowsRequired: number; exerciseRequired?: boolean },
) {
  return inTransaction(db, async (tx) => {
    const roundType = await activeRoundType(tx, scope, input.roundTypeId);
    if (roundType.archivedAt)
      throw new AppError("BAD_REQUEST", `${roundType.name} is archived; restore it before setting its path.`);
    const existing = await tx.trainingPath.findFirst({
      where: { workspaceId: scope.workspaceId, roundTypeId: roundType.id },
    });
    const data = {
      shadowsRequired: input.shadowsRequired,
      reverseShadowsRequired: input.reverseShadowsRequired,
      exerciseRequired: input.exerciseRequired ?? false,
    };
    await tx.trainingPath.upsert({
      where: { workspaceId_roundTypeId: { workspaceId: scope.workspaceId, roundTypeId: roundType.id } },
      update: data,
      create: { workspaceId: scope.workspaceId, roundTypeId: roundType.id, ...data },
    });
    let grandfathered = 0;
    if (!existing) {
      const leads = await tx.round.findMany({
        where: {
          workspaceId: scope.workspaceId,
          roundTypeId: roundType.id,
          status: "scheduled",
          interviewerMemberId: { not: null },
        },
        distinct: ["interviewerMemberId"],
        select: { interviewerMemberId: true },
      });
      const members = await tx.membership.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: leads.map((l) => l.interviewerMemberId!) },
          role: { in: [...INTERVIEWING_ROLES] },
        },
        select: { id: true },
      });
      grandfathered = (
        await tx.interviewerQualification.createMany({
          data: members.map((m) => ({
            workspaceId: scope.workspaceId,
            memberId: m.id,
            roundTypeId: roundType.id,
            basis: "prior_rounds" as const,
          })),
          skipDuplicates: true,
        })
      ).count;
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "training.path_saved",
      targetType: "round_type",
      targetId: roundType.id,
      data: { roundType: roundType.name, ...data, qualifiedFromPriorRounds: grandfathered },
    });
    return { roundTypeId: roundType.id, ...data, qualifiedFromPriorRounds: grandfathered };
  });
}

/** Removes a round type's path: everyone in its pool leads again. Qualifications are kept. */
export async function removeTrainingPath(db: Tx, scope: Scope, input: { roundTypeId: string }) {
  return inTransaction(db, async (tx) => {
    const roundType = await activeRoundType(tx, scope, input.roundTypeId);
    const { count } = await tx.trainingPath.deleteMany({
      where: { workspaceId: scope.workspaceId, roundTypeId: roundType.id },
    });
    if (count === 0) throw new AppError("CONFLICT", `${roundType.name} has no training path to remove.`);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "training.path_removed",
      targetType: "round_type",
      targetId: roundType.id,
      data: { roundType: roundType.name },
    });
    return { roundTypeId: roundType.id, removed: true };
  });
}

async function interviewingMember(tx: Tx, scope: Scope, memberId: string) {
  const member = await tx.membership.findFirst({
    where: { id: memberId, workspaceId: scope.workspaceId },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!member) throw notFound("That member");
  if (member.role === "candidate") throw new AppError("BAD_REQUEST", "A candidate cannot be trained to interview.");
  return { id: member.id, name: displayName(member.user) };
}

/** The coach signs a trainee off once every step of the path is done; they then lead the round type. */
export async function signOffTrainee(
  db: Tx,
  scope: Scope,
  input: { memberId: string; roundTypeId: string; note?: string },
) {
  return inTransaction(db, async (tx) => {
    const roundType = await activeRoundType(tx, scope, input.roundTypeId);
    const member = await interviewingMember(tx, scope, input.memberId);
    const path = await tx.trainingPath.findFirst({
      where: { workspaceId: scope.workspaceId, roundTypeId: roundType.id },
    });
    if (!path)
      throw new AppError(
        "BAD_REQUEST",
        `${roundType.name} has no training path: everyone in its pool leads it already. Set a path first.`,
      );
    const [rules, rounds, passes] = await Promise.all([
      loadLeadRules(tx, scope.workspaceId, [roundType.id]),
      loadTrainingRounds(tx, scope.workspaceId, [roundType.id], [member.id]),
      loadExercisePasses(tx, scope.workspaceId, path.exerciseRequired ? [roundType.id] : [], [member.id]),
    ]);
    const progress = progressOf(member.id, roundType.id, path, rounds, rules, passes);
    if (progress.stage === "qualified")
      throw new AppError("CONFLICT", `${member.name} is already qualified to lead ${roundType.name}.`);
    if (progress.stage === "exercise")
      throw new AppError(
        "CONFLICT",
        `${member.name} has done the rounds of the path but has not passed a calibration exercise of ${roundType.name} yet.`,
      );
    if (progress.stage !== "sign_off")
      throw new AppError(
        "CONFLICT",
        `${member.name} has not finished the path yet: ${progress.shadows.done} of ${progress.shadows.required} shadows and ${progress.reverseShadows.done} of ${progress.reverseShadows.required} reverse-shadows count so far (each needs their submitted scorecard).`,
      );
    const qualification = await tx.interviewerQualification.create({
      data: {
        workspaceId: scope.workspaceId,
        memberId: member.id,
        roundTypeId: roundType.id,
        basis: "sign_off",
        signedOffById: scope.userId,
        note: input.note ?? "",
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "training.signed_off",
      targetType: "membership",
      targetId: member.id,
      data: {
        roundType: roundType.name,
        shadows: progress.shadows.done,
        reverseShadows: progress.reverseShadows.done,
        ...(input.note ? { note: input.note } : {}),
      },
    });
    return { memberId: member.id, roundTypeId: roundType.id, qualifiedAt: qualification.qualifiedAt };
  });
}

/** Withdraws a qualification (e.g. signed off by mistake): the member is a trainee of the type again. */
export async function revokeQualification(
  db: Tx,
  scope: Scope,
  input: { memberId: string; roundTypeId: string; reason: string },
) {
  return inTransaction(db, async (tx) => {
    const roundType = await activeRoundType(tx, scope, input.roundTypeId);
    const member = await interviewingMember(tx, scope, input.memberId);
    const { count } = await tx.interviewerQualification.deleteMany({
      where: { workspaceId: scope.workspaceId, memberId: member.id, roundTypeId: roundType.id },
    });
    if (count === 0) throw new AppError("CONFLICT", `${member.name} is not qualified for ${roundType.name}.`);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "training.qualification_revoked",
      targetType: "membership",
      targetId: member.id,
      data: { roundType: roundType.name, reason: input.reason },
    });
    return { memberId: member.id, roundTypeId: roundType.id, revoked: true };
  });
}

/** A template's auto-shadow setting: its loops' suggested slots add a free trainee as each round's shadow. */
export async function setAutoShadow(db: Tx, scope: Scope, input: { templateId: string; autoShadow: boolean }) {
  return inTransaction(db, async (tx) => {
    const template = await tx.loopTemplate.findFirst({
      where: { id: input.templateId, workspaceId: scope.workspaceId },
      select: { id: true, name: true },
    });
    if (!template) throw notFound("That template");
    await tx.loopTemplate.update({ where: { id: template.id }, data: { autoShadow: input.autoShadow } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "training.auto_shadow_set",
      targetType: "loop_template",
      targetId: template.id,
      data: { template: template.name, autoShadow: input.autoShadow },
    });
    return { templateId: template.id, autoShadow: input.autoShadow };
  });
}

/** The templates with their auto-shadow setting, for the training page. */
export async function listAutoShadow(db: Tx, scope: Scope) {
  return db.loopTemplate.findMany({
    where: { workspaceId: scope.workspaceId, archivedAt: null },
    select: { id: true, name: true, autoShadow: true },
    orderBy: { createdAt: "asc" },
  });
}
