// Booking a loop's rounds (the database refuses double-booking), moving and editing them, cancelling a
// round and undoing the cancellation, each with calendar mail to the people in the round.
import { statusAfterBooking } from "@/domain/loop-status";
import { AppError, notFound } from "@/server/errors";
import { recordAudit, type AuditAction } from "../audit";
import { roundRubricVersionId } from "../published-rubric";
import { inTransaction, type Scope, type Tx } from "../scope";
import { scheduleScorecardReminders } from "../scorecard/reminders";
import { withdrawPendingEmails } from "@/server/email/outbox";
import { emitEvent, eventRound } from "@/server/webhooks/emit";
import { loadLoopForScheduling } from "./loop";
import { notifyRound, type RoundRow } from "./notifications";
import { people } from "./people";

function isOverlapViolation(err: unknown): string | null {
  const text = `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})} ${JSON.stringify((err as { meta?: unknown })?.meta ?? {})}`;
  if (/rounds_interviewer_no_overlap/.test(text)) return "interviewer";
  if (/rounds_shadow_no_overlap/.test(text)) return "shadow";
  if (/rounds_candidate_no_overlap/.test(text)) return "candidate";
  if (/23P01|exclusion constraint/i.test(text)) return "someone";
  return null;
}

const CLASH: Record<string, string> = {
  interviewer: "The interviewer is already booked at that time. Pick another slot or interviewer.",
  shadow: "The shadow interviewer is already booked at that time.",
  candidate: "The candidate already has a round at that time.",
  someone: "Someone in this round is already booked at that time.",
};

async function refreshLoopStatus(tx: Tx, loopId: string) {
  const loop = await tx.loop.findUniqueOrThrow({
    where: { id: loopId },
    include: { rounds: { select: { status: true } } },
  });
  const active = loop.rounds.filter((r) => r.status !== "cancelled");
  const next = statusAfterBooking(loop.status, active.filter((r) => r.status === "scheduled").length, active.length);
  if (next !== loop.status) await tx.loop.update({ where: { id: loopId }, data: { status: next } });
}

export interface Booking {
  roundId: string;
  interviewerMemberId: string;
  shadowMemberId?: string | null;
  startsAt: Date;
  location?: string;
  questionId?: string | null;
}

/** What a coach changed on a booked round besides its time, in words for the update email. */
async function describeChanges(
  tx: Tx,
  scope: Scope,
  before: RoundRow & { questionId: string | null },
  after: RoundRow & { questionId: string | null },
): Promise<string[]> {
  const changes: string[] = [];
  const names = await people(
    tx,
    scope,
    [before.interviewerMemberId, after.interviewerMemberId, before.shadowMemberId, after.shadowMemberId].filter(
      (x): x is string => !!x,
    ),
  );
  if (before.interviewerMemberId !== after.interviewerMemberId)
    changes.push(`Interviewer: now ${names.get(after.interviewerMemberId ?? "")?.name ?? "someone else"}`);
  if (before.shadowMemberId !== after.shadowMemberId)
    changes.push(
      after.shadowMemberId ? `Shadow: ${names.get(after.shadowMemberId)?.name ?? "added"}` : "Shadow: removed",
    );
  if (before.location !== after.location)
    changes.push(after.location ? `Video link or place: ${after.location}` : "Video link or place: removed");
  if (before.questionId !== after.questionId) changes.push("Question: changed");
  return changes;
}

/**
 * Books one or more rounds of a loop in one transaction: all succeed, or none (CONFLICT on a clash). A
 * booked round whose time changes is "Moved"; other changes send an update that says what changed; a
 * cancelled round can be booked again. Times in the past are refused.
 */
export async function bookRounds(
  db: Tx,
  scope: Scope,
  input: { loopId: string; bookings: Booking[] },
  now = new Date(),
) {
  try {
    return await inTransaction(db, async (tx) => {
      const loop = await loadLoopForScheduling(tx, scope, input.loopId);
      if (loop.status === "cancelled" || loop.status === "completed")
        throw new AppError("CONFLICT", `This loop is ${loop.status}; it cannot be scheduled.`);
      const interviewers = await tx.membership.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.bookings.flatMap((b) => [b.interviewerMemberId, b.shadowMemberId ?? ""]).filter(Boolean) },
        },
        select: { id: true, role: true },
      });
      const results = [];
      for (const b of input.bookings) {
        const round = loop.rounds.find((r) => r.id === b.roundId);
        if (!round) throw notFound("That round in this loop");
        const sameTime = round.status === "scheduled" && round.startsAt?.getTime() === b.startsAt.getTime();
        // Editing a booked round without moving it is allowed up to its end; a new or moved time must be ahead.
        if (!sameTime && b.startsAt.getTime() < now.getTime()) {
          throw new AppError("BAD_REQUEST", "startsAt: that time is in the past. Pick a time from now on.");
        }
        if (sameTime && round.endsAt && round.endsAt.getTime() < now.getTime())
          throw new AppError("CONFLICT", "This round is over; it can no longer be changed.");
        for (const id of [b.interviewerMemberId, b.shadowMemberId].filter((x): x is string => !!x)) {
          const m = interviewers.find((x) => x.id === id);
          if (!m) throw notFound("That interviewer");
          if (m.role === "candidate") throw new AppError("BAD_REQUEST", "A candidate cannot interview.");
        }
        if (b.questionId) {
          const q = await tx.question.findFirst({
            where: { id: b.questionId, workspaceId: scope.workspaceId, roundTypeId: round.roundTypeId },
          });
          if (!q) throw notFound("That question for this round type");
        }
        const wasBooked = round.status === "scheduled";
        const wasCancelled = round.status === "cancelled";
        const next = {
          interviewerMemberId: b.interviewerMemberId,
          shadowMemberId: b.shadowMemberId ?? null,
          location: b.location ?? round.location,
          questionId: b.questionId === undefined ? round.questionId : b.questionId,
        };
        const changes = wasBooked && sameTime ? await describeChanges(tx, scope, round, { ...round, ...next }) : [];
        if (wasBooked && sameTime && changes.length === 0) {
          // Nothing changed: no mail, and the calendars' copies are still current.
          results.push({
            roundId: round.id,
            startsAt: round.startsAt,
            endsAt: round.endsAt,
            sequence: round.icsSequence,
          });
          continue;
        }
        const updated = await tx.round.update({
          where: { id: round.id },
          data: {
            ...next,
            status: "scheduled",
            startsAt: b.startsAt,
            endsAt: new Date(b.startsAt.getTime() + round.durationMin * 60_000),
            rubricVersionId: await roundRubricVersionId(tx, scope.workspaceId, round),
            // A calendar replaces an event only when SEQUENCE goes up: any change to a sent invitation raises it.
            icsSequence: wasBooked || wasCancelled ? round.icsSequence + 1 : round.icsSequence,
            cancelledAt: null,
            cancelReason: null,
            cancelledFrom: null,
          },
        });
        let action: AuditAction;
        if (!wasBooked) {
          await notifyRound(tx, scope, updated, "scheduled");
          action = wasCancelled ? "round.rebooked" : "round.scheduled";
        } else if (!sameTime) {
          await notifyRound(tx, scope, updated, "rescheduled");
          action = "round.rescheduled";
        } else {
          await notifyRound(tx, scope, updated, "updated", { changes });
          action = "round.updated";
        }
        // People taken off a booked round get its cancellation for their copy of the event.
        const removed = wasBooked
          ? [round.interviewerMemberId, round.shadowMemberId].filter(
              (id): id is string => !!id && id !== updated.interviewerMemberId && id !== updated.shadowMemberId,
            )
          : [];
        if (removed.length)
          await notifyRound(tx, scope, { ...round, icsSequence: updated.icsSequence }, "cancelled", { only: removed });
        await scheduleScorecardReminders(tx, scope, updated);
        await recordAudit(tx, {
          workspaceId: scope.workspaceId,
          actorId: scope.userId,
          action,
          targetType: "round",
          targetId: round.id,
          data: { startsAt: b.startsAt.toISOString(), interviewerMemberId: b.interviewerMemberId },
        });
        if (action === "round.rescheduled")
          await emitEvent(tx, scope.workspaceId, "round.moved", async () => ({
            ...(await eventRound(tx, scope.workspaceId, round.id)),
            previousStartsAt: round.startsAt?.toISOString() ?? null,
          }));
        else if (action !== "round.updated")
          await emitEvent(tx, scope.workspaceId, "round.scheduled", () => eventRound(tx, scope.workspaceId, round.id));
        results.push({
          roundId: round.id,
          startsAt: updated.startsAt,
          endsAt: updated.endsAt,
          sequence: updated.icsSequence,
        });
      }
      await refreshLoopStatus(tx, loop.id);
      return results;
    });
  } catch (err) {
    const clash = isOverlapViolation(err);
    if (clash) throw new AppError("CONFLICT", CLASH[clash]!);
    throw err;
  }
}

/** Cancels a round with the coach's reason; everyone booked gets the cancellation. Undo with restoreRound. */
export async function cancelRound(db: Tx, scope: Scope, input: { roundId: string; reason: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const round = await tx.round.findFirst({ where: { id: input.roundId, workspaceId: scope.workspaceId } });
    if (!round) throw notFound("That round");
    if (round.status === "cancelled") throw new AppError("CONFLICT", "That round is already cancelled.");
    const wasScheduled = round.status === "scheduled";
    const updated = await tx.round.update({
      where: { id: round.id },
      data: {
        status: "cancelled",
        cancelledAt: now,
        cancelReason: input.reason,
        cancelledFrom: round.status,
        icsSequence: round.icsSequence + (wasScheduled ? 1 : 0),
      },
    });
    if (wasScheduled) await notifyRound(tx, scope, updated, "cancelled", { reason: input.reason });
    await withdrawPendingEmails(tx, scope.workspaceId, `scorecard:${round.id}:`);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round.cancelled",
      targetType: "round",
      targetId: round.id,
      data: { startsAt: round.startsAt?.toISOString() ?? null, reason: input.reason },
    });
    await emitEvent(tx, scope.workspaceId, "round.cancelled", async () => ({
      ...(await eventRound(tx, scope.workspaceId, round.id)),
      reason: input.reason,
    }));
    await refreshLoopStatus(tx, round.loopId);
    return { id: round.id, status: "cancelled" as const };
  });
}

/**
 * Undoes a cancellation while the round has not started: it is booked again at the same time with the
 * same people, who get an update (not a new invitation). A slot taken meanwhile answers CONFLICT.
 */
export async function restoreRound(db: Tx, scope: Scope, input: { roundId: string }, now = new Date()) {
  try {
    return await inTransaction(db, async (tx) => {
      const round = await tx.round.findFirst({ where: { id: input.roundId, workspaceId: scope.workspaceId } });
      if (!round) throw notFound("That round");
      if (round.status !== "cancelled") throw new AppError("CONFLICT", "That round is not cancelled.");
      const backTo = round.cancelledFrom ?? "unscheduled";
      if (backTo === "scheduled" && (!round.startsAt || round.startsAt.getTime() <= now.getTime())) {
        throw new AppError(
          "CONFLICT",
          "This round's time has passed, so the cancellation can no longer be undone. Book it again at a new time.",
        );
      }
      const updated = await tx.round.update({
        where: { id: round.id },
        data: {
          status: backTo,
          cancelledAt: null,
          cancelReason: null,
          cancelledFrom: null,
          icsSequence: round.icsSequence + (backTo === "scheduled" ? 1 : 0),
        },
      });
      if (backTo === "scheduled") {
        await notifyRound(tx, scope, updated, "updated", {
          changes: ["The cancellation was undone: the round takes place as planned."],
        });
        await scheduleScorecardReminders(tx, scope, updated);
      }
      await recordAudit(tx, {
        workspaceId: scope.workspaceId,
        actorId: scope.userId,
        action: "round.restored",
        targetType: "round",
        targetId: round.id,
        data: { status: backTo },
      });
      if (backTo === "scheduled")
        await emitEvent(tx, scope.workspaceId, "round.scheduled", () => eventRound(tx, scope.workspaceId, round.id));
      await refreshLoopStatus(tx, round.loopId);
      return { id: round.id, status: backTo };
    });
  } catch (err) {
    const clash = isOverlapViolation(err);
    if (clash)
      throw new AppError(
        "CONFLICT",
        `${CLASH[clash]!} The cancellation cannot be undone; book the round at another time.`,
      );
    throw err;
  }
}
