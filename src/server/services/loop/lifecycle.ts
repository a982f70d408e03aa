// A loop's life: creating it for a member or an invited address (from a template or empty), and moving its status.
import { readTemplateRounds } from "@/server/db/json";
import { displayName } from "@/domain/people";
import { randomUUID } from "node:crypto";
import { loopMoveError, type LoopStatus } from "@/domain/loop-status";
import type { Level } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { recordAudit } from "../audit";
import { createInvitation } from "../invitation";
import { inTransaction, type Scope, type Tx } from "../scope";
import { emitEvent, eventLoop, eventPeople } from "@/server/webhooks/emit";
import type { TemplateRound } from "@/schemas/loop";

async function memberWithRole(tx: Tx | Db, scope: Scope, memberId: string, roles: string[], what: string) {
  const m = await tx.membership.findFirst({
    where: { id: memberId, workspaceId: scope.workspaceId },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!m) throw notFound(what);
  if (!roles.includes(m.role))
    throw new AppError("BAD_REQUEST", `${displayName(m.user)} is a ${m.role}, not a ${roles.join(" or ")}.`);
  return m;
}

/**
 * The loop's candidate: an existing candidate member, or an email address. A new address is invited as a
 * candidate (the loop attaches to them when they accept); an address that already belongs to a
 * candidate member is used as is.
 */
async function resolveCandidate(db: Tx, scope: Scope, input: { candidateMemberId?: string; candidateEmail?: string }) {
  if (input.candidateMemberId) {
    const m = await memberWithRole(db, scope, input.candidateMemberId, ["candidate"], "That candidate");
    return { memberId: m.id, invitationId: null, label: m.user.email ?? "candidate" };
  }
  const email = input.candidateEmail!.toLowerCase();
  const member = await db.membership.findFirst({
    where: { workspaceId: scope.workspaceId, user: { email } },
    include: { user: { select: { email: true, name: true } } },
  });
  if (member) {
    if (member.role !== "candidate")
      throw new AppError("BAD_REQUEST", `${email} is a ${member.role} here, not a candidate.`, {
        field: "candidateEmail",
        reason: "not_a_candidate",
      });
    return { memberId: member.id, invitationId: null, label: email };
  }
  const pending = await db.invitation.findFirst({
    where: { workspaceId: scope.workspaceId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  if (pending) {
    if (pending.role !== "candidate")
      throw new AppError("BAD_REQUEST", `${email} is invited as ${pending.role}, not as a candidate.`, {
        field: "candidateEmail",
        reason: "not_a_candidate",
      });
    return { memberId: null, invitationId: pending.id, label: email };
  }
  const inv = await createInvitation(db, scope, { email, role: "candidate" });
  return { memberId: null, invitationId: inv.id, label: email };
}

export async function createLoop(
  db: Tx,
  scope: Scope,
  input: {
    candidateMemberId?: string;
    candidateEmail?: string;
    templateId?: string;
    targetRole: string;
    level?: Level;
    notes?: string;
  },
) {
  if (!input.candidateMemberId && !input.candidateEmail)
    throw new AppError("BAD_REQUEST", "Choose a candidate, or enter their email address to invite them.", {
      field: "candidateEmail",
      reason: "candidate_missing",
    });
  // One transaction: a new candidate's invitation (and its email) exists only if the loop does.
  return inTransaction(db, async (tx) => {
    const candidate = await resolveCandidate(tx, scope, input);
    const template = input.templateId
      ? await tx.loopTemplate.findFirst({ where: { id: input.templateId, workspaceId: scope.workspaceId } })
      : null;
    if (input.templateId && !template) throw notFound("That loop template");
    const loop = await tx.loop.create({
      data: {
        workspaceId: scope.workspaceId,
        candidateMemberId: candidate.memberId,
        candidateInvitationId: candidate.invitationId,
        coachMemberId: scope.memberId,
        templateId: template?.id ?? null,
        targetRole: input.targetRole,
        level: input.level ?? template?.level ?? "mid",
        notes: input.notes ?? "",
        status: template ? "scheduling" : "draft",
      },
    });
    if (template) {
      const roundTypes = await tx.roundType.findMany({
        where: { workspaceId: scope.workspaceId },
        select: { id: true, key: true },
      });
      const byKey = new Map(roundTypes.map((r) => [r.key, r.id]));
      const rounds: TemplateRound[] = readTemplateRounds(template.rounds);
      const missing = rounds.filter((r) => !byKey.has(r.roundTypeKey)).map((r) => r.roundTypeKey);
      if (missing.length)
        throw new AppError(
          "BAD_REQUEST",
          `The template needs round types this workspace does not have: ${missing.join(", ")}.`,
        );
      await tx.round.createMany({
        data: rounds.map((r, order) => ({
          workspaceId: scope.workspaceId,
          loopId: loop.id,
          order,
          roundTypeId: byKey.get(r.roundTypeKey)!,
          candidateMemberId: candidate.memberId,
          durationMin: r.durationMin,
          questionId: r.questionId ?? null,
          poolMemberIds: r.poolMemberIds ?? [],
          icsUid: `${randomUUID()}@loopwise`,
        })),
      });
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "loop.created",
      targetType: "loop",
      targetId: loop.id,
      data: { candidate: candidate.label, invited: !!candidate.invitationId, template: template?.name ?? null },
    });
    await emitEvent(tx, scope.workspaceId, "loop.created", async () => ({
      loop: await eventLoop(tx, scope.workspaceId, loop.id),
      coach: (await eventPeople(tx, scope.workspaceId, [scope.memberId]))(scope.memberId),
    }));
    return { id: loop.id };
  });
}

export async function setLoopStatus(db: Tx, scope: Scope, input: { loopId: string; status: LoopStatus }) {
  return inTransaction(db, async (tx) => {
    const loop = await tx.loop.findFirst({ where: { id: input.loopId, workspaceId: scope.workspaceId } });
    if (!loop) throw notFound("That loop");
    const error = loopMoveError(loop.status, input.status);
    if (error) throw new AppError("CONFLICT", error);
    await tx.loop.update({ where: { id: loop.id }, data: { status: input.status } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "loop.status_changed",
      targetType: "loop",
      targetId: loop.id,
      data: { from: loop.status, to: input.status },
    });
    return { id: loop.id, status: input.status };
  });
}
