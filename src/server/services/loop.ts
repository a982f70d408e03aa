// Loop templates and loops: a candidate, a target role and level, and ordered rounds.
import { readTemplateRounds } from "@/server/db/json";
import { displayName } from "@/domain/people";
import { randomUUID } from "node:crypto";
import { LOOP_TEMPLATES } from "@seed/loop-templates";
import { LOOP_STATUSES, loopMoveError, type LoopStatus } from "@/domain/loop-status";
import type { Level } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { recordAudit } from "./audit";
import { createInvitation } from "./invitation";
import { candidateNames } from "./member-names";
import { uniqueKey } from "./keys";
import { inTransaction, type Scope, type Tx } from "./scope";

export async function seedLoopTemplates(tx: Tx, workspaceId: string) {
  await tx.loopTemplate.createMany({
    data: LOOP_TEMPLATES.map((t) => ({
      workspaceId,
      key: t.key,
      name: t.name,
      description: t.description,
      level: t.level,
      dimensionWeights: t.dimensionWeights,
      rounds: t.rounds,
      maxDays: t.maxDays ?? 1,
    })),
    skipDuplicates: true,
  });
}

import type { TemplateRound } from "@/schemas/loop";

export async function listTemplates(db: Tx, scope: Scope) {
  const [templates, roundTypes] = await Promise.all([
    db.loopTemplate.findMany({
      where: { workspaceId: scope.workspaceId, archivedAt: null },
      orderBy: { createdAt: "asc" },
    }),
    db.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true, name: true } }),
  ]);
  const name = new Map(roundTypes.map((r) => [r.key, r.name]));
  return templates.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    level: t.level,
    dimensionWeights: t.dimensionWeights as Record<string, number>,
    maxDays: t.maxDays,
    breakMin: t.breakMin,
    rounds: readTemplateRounds(t.rounds).map((r) => ({
      ...r,
      roundTypeName: name.get(r.roundTypeKey) ?? r.roundTypeKey,
    })),
  }));
}

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
    return { id: loop.id };
  });
}

/** Loops per column on the board's first page, and per "Show more". */
export const BOARD_PAGE = 20;

export interface BoardFilter {
  level?: Level;
  /** Target role contains this (any case). */
  role?: string;
}

function boardWhere(scope: Scope, filter: BoardFilter) {
  return {
    workspaceId: scope.workspaceId,
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.role?.trim() ? { targetRole: { contains: filter.role.trim(), mode: "insensitive" as const } } : {}),
  };
}

/** One page of a status column, newest change first; the cursor is the last loop's id. */
async function columnPage(
  db: Tx,
  scope: Scope,
  filter: BoardFilter & { status: LoopStatus; cursor?: string; limit: number },
) {
  const rows = await db.loop.findMany({
    where: { ...boardWhere(scope, filter), status: filter.status },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    include: { rounds: { select: { status: true, startsAt: true } } },
  });
  const items = rows.slice(0, filter.limit);
  return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
}

async function presentCards(
  db: Tx,
  scope: Scope,
  loops: Awaited<ReturnType<typeof columnPage>>["items"],
  now = new Date(),
) {
  const who = await candidateNames(db, scope.workspaceId, loops);
  return loops.map((l) => {
    const active = l.rounds.filter((r) => r.status !== "cancelled");
    const next = active
      .filter((r) => r.startsAt && r.startsAt > now)
      .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime())[0];
    return {
      id: l.id,
      candidate: who.get(l.id) ?? "Candidate",
      targetRole: l.targetRole,
      level: l.level,
      status: l.status,
      rounds: active.length,
      scheduled: active.filter((r) => r.status === "scheduled").length,
      nextRoundAt: next?.startsAt ?? null,
    };
  });
}

/**
 * The board: per status, the count and the first page of loops (filters applied in the query), so the
 * work does not grow with the workspace. More of a column comes from listLoopColumn.
 */
export async function listLoopBoard(db: Tx, scope: Scope, filter: BoardFilter = {}) {
  const [counts, ...pages] = await Promise.all([
    db.loop.groupBy({ by: ["status"], where: boardWhere(scope, filter), _count: { _all: true } }),
    ...LOOP_STATUSES.map((status) => columnPage(db, scope, { ...filter, status, limit: BOARD_PAGE })),
  ]);
  const cards = await presentCards(
    db,
    scope,
    pages.flatMap((p) => p.items),
  );
  const countOf = new Map(counts.map((c) => [c.status, c._count._all]));
  return {
    total: counts.reduce((sum, c) => sum + c._count._all, 0),
    columns: LOOP_STATUSES.map((status, i) => ({
      status,
      count: countOf.get(status) ?? 0,
      items: cards.filter((c) => c.status === status),
      nextCursor: pages[i]!.nextCursor,
    })),
  };
}

/** The next page of one status column of the board. */
export async function listLoopColumn(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status: LoopStatus; cursor?: string; limit?: number },
) {
  const page = await columnPage(db, scope, { ...input, limit: input.limit ?? BOARD_PAGE });
  return { items: await presentCards(db, scope, page.items), nextCursor: page.nextCursor };
}

export async function getLoop(db: Tx, scope: Scope, loopId: string) {
  const loop = await db.loop.findFirst({
    where: { id: loopId, workspaceId: scope.workspaceId },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
  if (!loop) throw notFound("That loop");
  const memberIds = [
    loop.candidateMemberId,
    loop.coachMemberId,
    ...loop.rounds.flatMap((r) => [r.interviewerMemberId, r.shadowMemberId]),
  ].filter((x): x is string => !!x);
  const invitation =
    !loop.candidateMemberId && loop.candidateInvitationId
      ? await db.invitation.findFirst({
          where: { id: loop.candidateInvitationId, workspaceId: scope.workspaceId },
          select: { email: true },
        })
      : null;
  const [members, roundTypes] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: memberIds } },
      include: { user: { select: { name: true, email: true } } },
    }),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: loop.rounds.map((r) => r.roundTypeId) } },
      select: { id: true, name: true, key: true },
    }),
  ]);
  const person = (id: string | null) => {
    const m = members.find((x) => x.id === id);
    return m ? { memberId: m.id, name: displayName(m.user), email: m.user.email } : null;
  };
  const rt = new Map(roundTypes.map((r) => [r.id, r]));
  return {
    id: loop.id,
    status: loop.status,
    targetRole: loop.targetRole,
    level: loop.level,
    notes: loop.notes,
    candidate:
      person(loop.candidateMemberId) ??
      (invitation ? { memberId: null, name: `${invitation.email} (invited)`, email: invitation.email } : null),
    coach: person(loop.coachMemberId),
    rounds: loop.rounds.map((r) => ({
      id: r.id,
      order: r.order,
      roundType: rt.get(r.roundTypeId) ?? { id: r.roundTypeId, name: "Round", key: "" },
      durationMin: r.durationMin,
      status: r.status,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      location: r.location,
      interviewer: person(r.interviewerMemberId),
      shadow: person(r.shadowMemberId),
      questionId: r.questionId,
      rubricVersionId: r.rubricVersionId,
      cancelledAt: r.cancelledAt,
      cancelReason: r.cancelReason,
      /** Undo is possible until the round's start (always, for a round that was never booked). */
      canRestore:
        r.status === "cancelled" &&
        (r.cancelledFrom !== "scheduled" || (!!r.startsAt && r.startsAt.getTime() > Date.now())),
    })),
  };
}

/** Adds a round of a round type at the end of a loop, unscheduled (the round type's length by default). */
export async function addRound(
  db: Tx,
  scope: Scope,
  input: { loopId: string; roundTypeId: string; durationMin?: number },
) {
  return inTransaction(db, async (tx) => {
    const loop = await tx.loop.findFirst({
      where: { id: input.loopId, workspaceId: scope.workspaceId },
      include: { rounds: { select: { order: true } } },
    });
    if (!loop) throw notFound("That loop");
    if (loop.status === "completed" || loop.status === "cancelled")
      throw new AppError("CONFLICT", `This loop is ${loop.status}; it cannot gain rounds.`);
    const roundType = await tx.roundType.findFirst({
      where: { id: input.roundTypeId, workspaceId: scope.workspaceId, archivedAt: null },
    });
    if (!roundType) throw notFound("That round type");
    const round = await tx.round.create({
      data: {
        workspaceId: scope.workspaceId,
        loopId: loop.id,
        order: Math.max(-1, ...loop.rounds.map((r) => r.order)) + 1,
        roundTypeId: roundType.id,
        candidateMemberId: loop.candidateMemberId,
        durationMin: input.durationMin ?? roundType.defaultDurationMin,
        icsUid: `${randomUUID()}@loopwise`,
      },
    });
    // A fully booked loop is back to scheduling until the new round is booked.
    if (loop.status === "scheduled") await tx.loop.update({ where: { id: loop.id }, data: { status: "scheduling" } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round.added",
      targetType: "loop",
      targetId: loop.id,
      data: { roundType: roundType.name },
    });
    return { id: round.id };
  });
}

/** Removes a round that was never booked and has no scorecard; a booked round is cancelled instead. */
export async function removeRound(db: Tx, scope: Scope, input: { roundId: string }) {
  return inTransaction(db, async (tx) => {
    const round = await tx.round.findFirst({ where: { id: input.roundId, workspaceId: scope.workspaceId } });
    if (!round) throw notFound("That round");
    if (round.status === "scheduled")
      throw new AppError("CONFLICT", "This round is booked: cancel it (people booked are told), then remove it.");
    if (round.cancelledFrom === "scheduled")
      throw new AppError("CONFLICT", "This round was booked and cancelled; it stays on the loop's record.");
    if (await tx.scorecard.count({ where: { workspaceId: scope.workspaceId, roundId: round.id } }))
      throw new AppError("CONFLICT", "This round has a scorecard, so it stays on the loop's record.");
    await tx.round.delete({ where: { id: round.id } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round.removed",
      targetType: "loop",
      targetId: round.loopId,
      data: { roundId: round.id },
    });
    return { id: round.id };
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

/** Creates or edits a loop template; every reference is checked against this workspace. */
export async function saveTemplate(
  db: Tx,
  scope: Scope,
  input: {
    templateId?: string;
    name: string;
    description: string;
    level: Level;
    rounds: TemplateRound[];
    maxDays?: number;
    breakMin?: number;
  },
) {
  return inTransaction(db, async (tx) => {
    // Every reference checked with one query per kind, whatever the number of rounds.
    const [roundTypes, questions, poolMembers] = await Promise.all([
      tx.roundType.findMany({
        where: { workspaceId: scope.workspaceId, archivedAt: null },
        select: { id: true, key: true },
      }),
      tx.question.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.rounds.flatMap((r) => (r.questionId ? [r.questionId] : [])) },
        },
        select: { id: true, roundTypeId: true },
      }),
      tx.membership.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.rounds.flatMap((r) => r.poolMemberIds ?? []) },
          role: { not: "candidate" },
        },
        select: { id: true },
      }),
    ]);
    for (const [i, r] of input.rounds.entries()) {
      const rt = roundTypes.find((x) => x.key === r.roundTypeKey);
      if (!rt)
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.roundTypeKey: no round type "${r.roundTypeKey}" in this workspace.`,
        );
      if (r.questionId && !questions.some((q) => q.id === r.questionId && q.roundTypeId === rt.id)) {
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.questionId: that question is not a ${r.roundTypeKey} question of this workspace.`,
        );
      }
      if ((r.poolMemberIds ?? []).some((id) => !poolMembers.some((m) => m.id === id))) {
        throw new AppError(
          "BAD_REQUEST",
          `rounds.${i}.poolMemberIds: every pool member must be an interviewer of this workspace.`,
        );
      }
    }
    const data = {
      name: input.name,
      description: input.description,
      level: input.level,
      maxDays: input.maxDays ?? 1,
      breakMin: input.breakMin ?? 15,
      rounds: input.rounds.map((r) => ({
        roundTypeKey: r.roundTypeKey,
        durationMin: r.durationMin,
        questionId: r.questionId ?? null,
        poolMemberIds: r.poolMemberIds ?? [],
      })),
    };
    if (input.templateId) {
      const existing = await tx.loopTemplate.findFirst({
        where: { id: input.templateId, workspaceId: scope.workspaceId },
      });
      if (!existing) throw notFound("That template");
      await tx.loopTemplate.update({ where: { id: existing.id }, data });
      return { id: existing.id };
    }
    const taken = (
      await tx.loopTemplate.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } })
    ).map((t) => t.key);
    const created = await tx.loopTemplate.create({
      data: { ...data, workspaceId: scope.workspaceId, key: uniqueKey(input.name, taken), dimensionWeights: {} },
    });
    return { id: created.id };
  });
}

export async function archiveTemplate(db: Tx, scope: Scope, input: { templateId: string }) {
  const { count } = await db.loopTemplate.updateMany({
    where: { id: input.templateId, workspaceId: scope.workspaceId, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  if (count === 0) throw notFound("That template");
  return { id: input.templateId };
}
