import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db, outcome } from "@/test/factories";
import type { AppError } from "@/server/errors";
import { DAY, futureMonday, loopFor, parseIcs } from "@/test/schedule-fixtures";
import { restoreRound } from "./booking";

describe("cancelling a round, and undoing it", () => {
  it("cancel asks for a reason and can be undone before the start (an update, not a new invite); a cancelled round can be booked again", async () => {
    const ws = await createWorkspaceWithRoles("undo");
    const { loopId, rounds } = await loopFor(ws);
    const round = rounds[0]!;
    const coach = ws.members.coach.caller;
    const at = futureMonday();
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: round.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: at }],
    });
    expect(await outcome(coach.schedule.cancelRound({ workspaceId: ws.id, roundId: round.id, reason: "" }))).toBe(
      "BAD_REQUEST",
    );
    await coach.schedule.cancelRound({ workspaceId: ws.id, roundId: round.id, reason: "Interviewer is travelling" });
    let loop = await coach.loop.get({ workspaceId: ws.id, loopId });
    expect(loop.rounds[0]).toMatchObject({
      status: "cancelled",
      cancelReason: "Interviewer is travelling",
      canRestore: true,
    });

    await coach.schedule.restoreRound({ workspaceId: ws.id, roundId: round.id });
    const restored = await db.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(restored).toMatchObject({ status: "scheduled", cancelReason: null, icsSequence: 2 });
    expect(restored.startsAt!.toISOString()).toBe(at.toISOString());
    const updates = await db.emailOutbox.findMany({
      where: { workspaceId: ws.id, topic: `round:${round.id}:updated` },
    });
    expect(updates.map((m) => m.to).sort()).toEqual(
      [ws.members.candidate.actor.email, ws.members.interviewer.actor.email].sort(),
    );
    expect(updates[0]!.subject).toMatch(/^Updated: /);
    expect(updates[0]!.text).toContain("The cancellation was undone");
    expect(parseIcs((updates[0]!.attachments as { content: string }[])[0]!.content)).toMatchObject({
      method: "REQUEST",
      uid: round.icsUid,
      sequence: 2,
    });
    expect(await db.emailOutbox.count({ where: { workspaceId: ws.id, topic: `round:${round.id}:scheduled` } })).toBe(2); // only the first booking's
    expect(await outcome(coach.schedule.restoreRound({ workspaceId: ws.id, roundId: round.id }))).toBe("CONFLICT");

    // Cancelled again, then booked at a new time: a fresh invitation with a higher SEQUENCE.
    await coach.schedule.cancelRound({ workspaceId: ws.id, roundId: round.id, reason: "Moving to next week" });
    const nextWeek = new Date(at.getTime() + 7 * DAY);
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: round.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: nextWeek }],
    });
    const rebooked = await db.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(rebooked).toMatchObject({ status: "scheduled", icsSequence: 4 });
    loop = await coach.loop.get({ workspaceId: ws.id, loopId });
    expect(loop.rounds[0]!.status).toBe("scheduled");
    expect(
      await db.auditEvent.count({
        where: { workspaceId: ws.id, action: { in: ["round.cancelled", "round.restored", "round.rebooked"] } },
      }),
    ).toBe(4);
  });

  it("the undo ends at the round's start", async () => {
    const ws = await createWorkspaceWithRoles("undo-late");
    const { loopId, rounds } = await loopFor(ws);
    const at = futureMonday();
    await ws.members.coach.caller.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: at }],
    });
    await ws.members.coach.caller.schedule.cancelRound({
      workspaceId: ws.id,
      roundId: rounds[0]!.id,
      reason: "No longer needed",
    });
    const scope = {
      workspaceId: ws.id,
      userId: ws.members.coach.actor.userId,
      memberId: ws.members.coach.memberId,
      role: "coach" as const,
    };
    const err = await restoreRound(db, scope, { roundId: rounds[0]!.id }, new Date(at.getTime() + 60_000)).then(
      () => null,
      (e: AppError) => e,
    );
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err!.message).toMatch(/passed/);
  });
});
