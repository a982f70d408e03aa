// "Your data": what Loopwise holds about the signed-in person, as one JSON document, and erasing it
// (docs/privacy.md). Not workspace-scoped: a person's data spans their workspaces, so these run as the
// owner role and filter every query by the person's own user and memberships.
import { roundLabels } from "@/domain/loop-status";
import { candidateView } from "@/domain/report";
import { ROLE_LABELS } from "@/domain/roles";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { readReportContent } from "@/schemas/report";
import { eraseCandidateMembership, eraseIdentityIfUnused } from "./erasure";
import { inTransaction, type Actor, type Tx } from "./scope";

/** The document's format; bump `version` when a field changes meaning or goes away. */
export const MY_DATA_FORMAT = { format: "loopwise.personal-data", version: 1 } as const;

/** The person's loops as a candidate in one workspace, with their rounds as the candidate sees them. */
async function candidateLoops(db: Tx, workspaceId: string, memberId: string) {
  const loops = await db.loop.findMany({
    where: { workspaceId, candidateMemberId: memberId },
    select: {
      id: true,
      targetRole: true,
      level: true,
      status: true,
      createdAt: true,
      rounds: {
        orderBy: { order: "asc" },
        select: {
          id: true,
          order: true,
          roundTypeId: true,
          durationMin: true,
          startsAt: true,
          endsAt: true,
          location: true,
          status: true,
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  const types = await db.roundType.findMany({
    where: { workspaceId, id: { in: [...new Set(loops.flatMap((l) => l.rounds.map((r) => r.roundTypeId)))] } },
    select: { id: true, name: true },
  });
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  return loops.map((loop) => {
    const labels = roundLabels(
      loop.rounds.map((r) => ({ id: r.id, order: r.order, typeName: typeName.get(r.roundTypeId) ?? "Round" })),
    );
    return {
      id: loop.id,
      targetRole: loop.targetRole,
      level: loop.level,
      status: loop.status,
      createdAt: loop.createdAt.toISOString(),
      rounds: loop.rounds.map((r) => ({
        round: labels.get(r.id) ?? "Round",
        durationMin: r.durationMin,
        startsAt: r.startsAt?.toISOString() ?? null,
        endsAt: r.endsAt?.toISOString() ?? null,
        location: r.location,
        status: r.status,
      })),
    };
  });
}

/** Released reports only, each as its latest released version shows it to the candidate. */
async function releasedReports(db: Tx, workspaceId: string, memberId: string, showInterviewerNames: boolean) {
  const reports = await db.feedbackReport.findMany({
    where: { workspaceId, candidateMemberId: memberId, status: "released" },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { createdAt: "asc" },
  });
  return reports.flatMap((r) =>
    r.versions[0]
      ? [
          {
            id: r.id,
            loopId: r.loopId,
            version: r.versions[0].version,
            releasedAt: r.versions[0].releasedAt.toISOString(),
            content: candidateView(readReportContent(r.versions[0].content), showInterviewerNames),
          },
        ]
      : [],
  );
}

/** Everything Loopwise holds about the person that is theirs to see, as one versioned JSON document. */
export async function exportMyData(db: Tx, actor: Actor, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, name: true, email: true, timeZone: true, createdAt: true },
  });
  const [memberships, feeds] = await Promise.all([
    db.membership.findMany({
      where: { userId: actor.userId },
      include: { workspace: { select: { id: true, name: true, slug: true, showInterviewerNames: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.calendarFeed.findMany({
      where: { userId: actor.userId },
      select: { createdAt: true, lastUsedAt: true, revokedAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const workspaces = [];
  for (const m of memberships) {
    const profile = await db.schedulingProfile.findFirst({
      where: { workspaceId: m.workspaceId, memberId: m.id },
      select: { weekly: true, exceptions: true, importedBusy: true, availabilitySetAt: true },
    });
    workspaces.push({
      workspace: { name: m.workspace.name, address: m.workspace.slug },
      membership: { role: ROLE_LABELS[m.role], joinedAt: m.createdAt.toISOString() },
      availability: profile,
      loops: await candidateLoops(db, m.workspaceId, m.id),
      reports: await releasedReports(db, m.workspaceId, m.id, m.workspace.showInterviewerNames),
    });
  }
  return {
    ...MY_DATA_FORMAT,
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      timeZone: user.timeZone,
      createdAt: user.createdAt.toISOString(),
    },
    calendarFeeds: feeds.map((f) => ({
      createdAt: f.createdAt.toISOString(),
      lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
      revokedAt: f.revokedAt?.toISOString() ?? null,
    })),
    workspaces,
  };
}

/**
 * The person erases their own account (they typed their email to confirm). Only someone who is a
 * candidate everywhere can: an owner, coach or interviewer has colleagues who rely on their work, so they
 * leave those workspaces (or are made candidates there) first. One transaction.
 */
export async function eraseMyAccount(db: Db, actor: Actor, input: { confirmEmail: string }) {
  if (!actor.email || input.confirmEmail.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError("BAD_REQUEST", "Type the email address you sign in with to confirm.", {
      field: "confirmEmail",
      reason: "confirmation_mismatch",
    });
  }
  const result = await inTransaction(db, async (tx) => {
    const memberships = await tx.membership.findMany({
      where: { userId: actor.userId },
      include: { workspace: { select: { name: true } } },
    });
    const other = memberships.find((m) => m.role !== "candidate");
    if (other) {
      throw new AppError(
        "CONFLICT",
        `You are ${ROLE_LABELS[other.role].toLowerCase()} in ${other.workspace.name}. Leave that workspace (or ask its owner to make you a candidate) before erasing your account.`,
        { reason: "not_only_candidate" },
      );
    }
    for (const m of memberships) {
      await eraseCandidateMembership(tx, { workspaceId: m.workspaceId, memberId: m.id, actorId: null, by: "self" });
    }
    await eraseIdentityIfUnused(tx, actor.userId);
    return { workspaces: memberships.length };
  });
  // The person's id is gone with their row; the log keeps only that an erasure happened.
  logger.info({ erasure: "self", workspaces: result.workspaces }, "account erased");
  return { erased: true as const };
}
