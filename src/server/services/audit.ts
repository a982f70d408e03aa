import type { AuditAction } from "@/domain/audit";
import type { Prisma } from "@/server/db";
import { memberNames } from "./member-names";
import { after, pageOf } from "./paging";
import type { Tx } from "./scope";

export type { AuditAction };

export async function recordAudit(
  tx: Tx,
  event: {
    workspaceId: string;
    actorId: string | null;
    action: AuditAction;
    targetType: string;
    targetId?: string | null;
    data?: Prisma.InputJsonValue;
  },
) {
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      data: event.data,
    },
  });
}

/**
 * One page of the audit log, filtered by area or action and sorted by time in the query; the first page
 * also carries the number of matching events (one count query).
 */
export async function listAuditEvents(
  db: Tx,
  scope: { workspaceId: string },
  input: { cursor?: string; limit: number; area?: string; action?: string; sort?: "newest" | "oldest" },
) {
  const where: Prisma.AuditEventWhereInput = {
    workspaceId: scope.workspaceId,
    AND: [
      ...(input.area ? [{ action: { startsWith: `${input.area}.` } }] : []),
      ...(input.action ? [{ action: input.action }] : []),
    ],
  };
  const direction = input.sort === "oldest" ? "asc" : "desc";
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: input.limit + 1,
      ...after(input.cursor),
    }),
    input.cursor ? null : db.auditEvent.count({ where }),
  ]);
  const { items: page, nextCursor } = pageOf(events, input.limit);
  const actorIds = [...new Set(page.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(actors.map((a) => [a.id, a]));
  // Members named in an event (its target, or a "…MemberId" detail) are shown by name, not by id.
  const isMemberKey = (key: string) => /memberid$/i.test(key);
  const memberIds = new Set<string>();
  for (const e of page) {
    if (e.targetType === "membership" && e.targetId) memberIds.add(e.targetId);
    if (e.data && typeof e.data === "object" && !Array.isArray(e.data)) {
      for (const [key, value] of Object.entries(e.data))
        if (isMemberKey(key) && typeof value === "string") memberIds.add(value);
    }
  }
  const names = await memberNames(db, scope.workspaceId, [...memberIds]);
  const readable = (data: Prisma.JsonValue) =>
    data && typeof data === "object" && !Array.isArray(data)
      ? Object.fromEntries(
          Object.entries(data).map(([key, value]) =>
            isMemberKey(key) && typeof value === "string"
              ? [key.replace(/MemberId$|memberId$/, "") || "member", names.get(value) ?? "a former member"]
              : [key, value],
          ),
        )
      : data;
  return {
    items: page.map((e) => ({
      id: e.id,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      target: e.targetType === "membership" && e.targetId ? (names.get(e.targetId) ?? "a former member") : null,
      data: readable(e.data),
      createdAt: e.createdAt,
      actor: e.actorId ? (byId.get(e.actorId) ?? { id: e.actorId, name: null, email: null }) : null,
    })),
    nextCursor,
    total,
  };
}
