// Changing a loop's rounds: adding one, and removing one that was never booked.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "../audit";
import { inTransaction, type Scope, type Tx } from "../scope";

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
