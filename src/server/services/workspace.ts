import { AppError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { recordAudit } from "./audit";
import { kebabCase } from "./keys";
import { seedLibrary } from "./library";
import { inTransaction, type Actor, type Scope, type Tx } from "./scope";

export interface CreateWorkspace {
  name: string;
  slug?: string;
  timeZone: string;
}

export function slugify(name: string): string {
  const base = kebabCase(name, 32);
  return base.length >= 3 ? base : `${base || "workspace"}-team`.replace(/^-/, "");
}

/** The address made from a name: the name's slug, with a numeric suffix when that is taken. */
export async function freeSlug(db: Tx, name: string): Promise<string> {
  const wanted = slugify(name);
  const taken = new Set(
    (await db.workspace.findMany({ where: { slug: { startsWith: wanted } }, select: { slug: true } })).map(
      (w) => w.slug,
    ),
  );
  let slug = wanted;
  for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
  return slug;
}

export async function createWorkspace(db: Tx, actor: Actor, input: CreateWorkspace) {
  // A derived slug gets a numeric suffix when taken; an explicit one must be free.
  const slug = input.slug ?? (await freeSlug(db, input.name));
  try {
    return await inTransaction(db, async (tx) => {
      const workspace = await tx.workspace.create({ data: { name: input.name, slug, timeZone: input.timeZone } });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: actor.userId, role: "owner" } });
      await seedLibrary(tx, workspace.id, actor.userId);
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: actor.userId,
        action: "workspace.created",
        targetType: "workspace",
        targetId: workspace.id,
        data: { name: workspace.name, slug },
      });
      return { id: workspace.id, name: workspace.name, slug: workspace.slug, timeZone: workspace.timeZone };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      // Without an explicit address it is made from the name, so the name is the field to change.
      throw new AppError("CONFLICT", `The address "${slug}" is already taken; choose another one.`, {
        field: input.slug ? "slug" : "name",
        reason: "slug_taken",
      });
    }
    throw err;
  }
}

export async function listMyWorkspaces(db: Tx, actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    include: { workspace: { select: { id: true, name: true, slug: true, timeZone: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role, memberId: m.id }));
}

/** Resolves a workspace address for a member; anyone else learns nothing, not even that it exists. */
export async function resolveWorkspace(db: Tx, actor: Actor, slug: string) {
  const membership = await db.membership.findFirst({
    where: { userId: actor.userId, workspace: { slug } },
    include: { workspace: { select: { id: true, name: true, slug: true, timeZone: true } } },
  });
  if (!membership) throw notFound("That workspace");
  return { ...membership.workspace, role: membership.role, memberId: membership.id };
}

export async function getWorkspace(db: Tx, scope: Scope) {
  const workspace = await db.workspace.findFirst({
    where: { id: scope.workspaceId },
    select: {
      id: true,
      name: true,
      slug: true,
      timeZone: true,
      showInterviewerNames: true,
      retentionMonths: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
  });
  if (!workspace) throw notFound("That workspace");
  return { ...workspace, memberCount: workspace._count.memberships, role: scope.role };
}

export async function updateWorkspace(
  db: Tx,
  scope: Scope,
  input: { name?: string; timeZone?: string; showInterviewerNames?: boolean; retentionMonths?: number | null },
) {
  if (
    input.name === undefined &&
    input.timeZone === undefined &&
    input.showInterviewerNames === undefined &&
    input.retentionMonths === undefined
  ) {
    throw new AppError("BAD_REQUEST", "Nothing to change: give a new name or time zone.");
  }
  return inTransaction(db, async (tx) => {
    const before = await tx.workspace.findFirst({ where: { id: scope.workspaceId } });
    if (!before) throw notFound("That workspace");
    const updated = await tx.workspace.update({
      where: { id: scope.workspaceId },
      data: {
        name: input.name,
        timeZone: input.timeZone,
        showInterviewerNames: input.showInterviewerNames,
        retentionMonths: input.retentionMonths,
      },
      select: { id: true, name: true, slug: true, timeZone: true, showInterviewerNames: true, retentionMonths: true },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "workspace.updated",
      targetType: "workspace",
      targetId: scope.workspaceId,
      data: {
        before: {
          name: before.name,
          timeZone: before.timeZone,
          showInterviewerNames: before.showInterviewerNames,
          retentionMonths: before.retentionMonths,
        },
        after: {
          name: updated.name,
          timeZone: updated.timeZone,
          showInterviewerNames: updated.showInterviewerNames,
          retentionMonths: updated.retentionMonths,
        },
      },
    });
    return updated;
  });
}

/**
 * An owner deletes the workspace and everything in it (they typed its name). Most tables go by their
 * foreign keys' ON DELETE CASCADE; scorecards, debriefs and feedback reports have no key to the workspace,
 * so they are deleted first. The workspace's audit log goes with it, so the deletion is logged on the server.
 */
export async function deleteWorkspace(db: Tx, scope: Scope, input: { confirmName: string }) {
  const deleted = await inTransaction(db, async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { id: scope.workspaceId },
      select: { name: true, slug: true },
    });
    if (!workspace) throw notFound("That workspace");
    if (input.confirmName.trim() !== workspace.name.trim()) {
      throw new AppError("BAD_REQUEST", `Type the workspace's name, ${workspace.name}, exactly to confirm.`, {
        field: "confirmName",
        reason: "confirmation_mismatch",
      });
    }
    const where = { workspaceId: scope.workspaceId };
    const [members, loops] = await Promise.all([tx.membership.count({ where }), tx.loop.count({ where })]);
    // Published rubric versions refuse deletion (their triggers) except in a purge of the whole workspace.
    await tx.$queryRaw`SELECT set_config('loopwise.purge', 'on', true)`;
    await tx.scorecard.deleteMany({ where });
    await tx.debrief.deleteMany({ where });
    await tx.feedbackReport.deleteMany({ where });
    await tx.workspace.delete({ where: { id: scope.workspaceId } });
    return { slug: workspace.slug, members, loops };
  });
  logger.warn(
    { audit: "workspace.deleted", workspaceId: scope.workspaceId, actorId: scope.userId, ...deleted },
    "workspace deleted",
  );
  return { deleted: true as const };
}
