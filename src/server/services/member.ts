import { wouldLeaveNoOwner, type Role } from "@/domain/roles";
import { AppError, notFound } from "@/server/errors";
import type { Prisma } from "@/server/db";
import { recordAudit } from "./audit";
import { after, literal, pageOf } from "./paging";
import { erasedLabel, eraseCandidateMembership, eraseIdentityIfUnused } from "./erasure";
import { inTransaction, type Scope, type Tx } from "./scope";

const withUser = { user: { select: { id: true, name: true, email: true, erasedAt: true } } } as const;

function presentMember(scope: Scope, m: Prisma.MembershipGetPayload<{ include: typeof withUser }>) {
  return {
    id: m.id,
    role: m.role,
    joinedAt: m.createdAt,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    isYou: m.userId === scope.userId,
    erased: m.user.erasedAt !== null,
  };
}

/** Every member, for pickers (a loop's candidate, a round's interviewer). */
export async function listMembers(db: Tx, scope: Scope) {
  const members = await db.membership.findMany({
    where: { workspaceId: scope.workspaceId },
    include: withUser,
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => presentMember(scope, m));
}

/**
 * One page of the members list: found by name or email and filtered by role in the query, by role then by
 * who joined first (then id, so members who joined at the same instant keep one order). The first page also
 * carries the number of matching members (one count query).
 */
export async function listMembersPage(
  db: Tx,
  scope: Scope,
  input: { cursor?: string; limit: number; search?: string; role?: Role },
) {
  const where: Prisma.MembershipWhereInput = {
    workspaceId: scope.workspaceId,
    ...(input.role ? { role: input.role } : {}),
    ...(input.search
      ? {
          user: {
            OR: [
              { name: { contains: literal(input.search), mode: "insensitive" } },
              { email: { contains: literal(input.search), mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.membership.findMany({
      where,
      include: withUser,
      orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      take: input.limit + 1,
      ...after(input.cursor),
    }),
    input.cursor ? null : db.membership.count({ where }),
  ]);
  const page = pageOf(rows, input.limit);
  return { items: page.items.map((m) => presentMember(scope, m)), nextCursor: page.nextCursor, total };
}

/**
 * Serialises membership changes of one workspace (row lock on the workspace), so two owners demoting
 * each other at the same moment cannot leave it without an owner.
 */
async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT "id" FROM "workspaces" WHERE "id" = ${workspaceId} FOR UPDATE`;
}

async function ownerCount(tx: Tx, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, role: "owner" } });
}

export async function changeMemberRole(db: Tx, scope: Scope, input: { memberId: string; role: Role }) {
  return inTransaction(db, async (tx) => {
    await lockWorkspace(tx, scope.workspaceId);
    const member = await tx.membership.findFirst({ where: { id: input.memberId, workspaceId: scope.workspaceId } });
    if (!member) throw notFound("That member");
    if (member.role === input.role) return { id: member.id, role: member.role };
    if (wouldLeaveNoOwner(member.role, input.role, await ownerCount(tx, scope.workspaceId))) {
      throw new AppError("BAD_REQUEST", "A workspace needs at least one owner. Make another member an owner first.");
    }
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.userId, from: member.role, to: input.role },
    });
    return { id: updated.id, role: updated.role };
  });
}

export async function removeMember(db: Tx, scope: Scope, input: { memberId: string }) {
  return inTransaction(db, async (tx) => {
    await lockWorkspace(tx, scope.workspaceId);
    const member = await tx.membership.findFirst({ where: { id: input.memberId, workspaceId: scope.workspaceId } });
    if (!member) throw notFound("That member");
    if (wouldLeaveNoOwner(member.role, null, await ownerCount(tx, scope.workspaceId))) {
      throw new AppError("BAD_REQUEST", "The last owner cannot be removed. Make another member an owner first.");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: member.userId === scope.userId ? "member.left" : "member.removed",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.userId, role: member.role },
    });
    return { id: member.id };
  });
}

export async function leaveWorkspace(db: Tx, scope: Scope) {
  return removeMember(db, scope, { memberId: scope.memberId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "BAD_REQUEST") {
      throw new AppError("BAD_REQUEST", "You are the last owner. Make another member an owner before you leave.");
    }
    throw err;
  });
}

/**
 * A coach or owner erases a candidate's personal data in this workspace (docs/privacy.md). When the person
 * belongs to no other workspace, their account goes too; otherwise it stays for those workspaces.
 */
export async function eraseCandidate(db: Tx, scope: Scope, input: { candidateMemberId: string }) {
  return inTransaction(db, async (tx) => {
    const erased = await eraseCandidateMembership(tx, {
      workspaceId: scope.workspaceId,
      memberId: input.candidateMemberId,
      actorId: scope.userId,
      by: "member",
    });
    const accountErased = await eraseIdentityIfUnused(tx, erased.userId);
    return { memberId: erased.memberId, name: erasedLabel(erased.memberId), accountErased };
  });
}
