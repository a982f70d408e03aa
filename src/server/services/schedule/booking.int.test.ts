import { describe, expect, it } from "vitest";
import { callerFor, createWorkspaceWithRoles, db, outcome } from "@/test/factories";
import { addCandidate, DAY, futureMonday, loopFor, parseIcs } from "@/test/schedule-fixtures";

describe("booking", () => {
  it("20 parallel bookings of one interviewer's slot: exactly one succeeds, the rest get CONFLICT", async () => {
    const ws = await createWorkspaceWithRoles("race20");
    const at = futureMonday(3);
    const loops = await Promise.all(Array.from({ length: 20 }, async () => loopFor(ws, await addCandidate(ws))));
    const results = await Promise.all(
      loops.map((l) =>
        outcome(
          callerFor(ws.members.coach.actor).schedule.book({
            workspaceId: ws.id,
            loopId: l.loopId,
            bookings: [
              { roundId: l.rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: at },
            ],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r !== "OK" && r !== "CONFLICT")).toEqual([]);
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(19);
    expect(
      await db.round.count({
        where: { workspaceId: ws.id, interviewerMemberId: ws.members.interviewer.memberId, status: "scheduled" },
      }),
    ).toBe(1);
  });

  it("a candidate is never double-booked either, and the loser's message says why", async () => {
    const ws = await createWorkspaceWithRoles("candclash");
    const { loopId, rounds } = await loopFor(ws);
    const at = futureMonday();
    const coach = ws.members.coach.caller;
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: at }],
    });
    const err = await coach.schedule
      .book({
        workspaceId: ws.id,
        loopId,
        bookings: [
          {
            roundId: rounds[1]!.id,
            interviewerMemberId: ws.members.owner.memberId,
            startsAt: new Date(at.getTime() + 30 * 60_000),
          },
        ],
      })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(err).toMatchObject({ code: "CONFLICT", message: "The candidate already has a round at that time." });
    // Touching is fine: the next round right after the first.
    expect(
      await outcome(
        coach.schedule.book({
          workspaceId: ws.id,
          loopId,
          bookings: [
            {
              roundId: rounds[1]!.id,
              interviewerMemberId: ws.members.owner.memberId,
              startsAt: new Date(at.getTime() + 60 * 60_000),
            },
          ],
        }),
      ),
    ).toBe("OK");
  });

  it("invites by email with an ICS; rescheduling raises SEQUENCE and replaces reminders; cancelling sends METHOD:CANCEL and withdraws them", async () => {
    const ws = await createWorkspaceWithRoles("ics");
    const { loopId, rounds } = await loopFor(ws);
    const round = rounds[0]!;
    const coach = ws.members.coach.caller;
    const at = futureMonday();
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: round.id,
          interviewerMemberId: ws.members.interviewer.memberId,
          startsAt: at,
          location: "https://meet.example/abc",
        },
      ],
    });

    const invites = await db.emailOutbox.findMany({
      where: { workspaceId: ws.id, topic: `round:${round.id}:scheduled` },
    });
    expect(invites.map((m) => m.to).sort()).toEqual(
      [ws.members.candidate.actor.email, ws.members.interviewer.actor.email].sort(),
    );
    const first = parseIcs((invites[0]!.attachments as { content: string }[])[0]!.content);
    expect(first).toMatchObject({ method: "REQUEST", uid: round.icsUid, sequence: 0, start: at.toISOString() });
    // The candidate's mail does not name the interviewer.
    const toCandidate = invites.find((m) => m.to === ws.members.candidate.actor.email)!;
    expect(toCandidate.text).not.toContain(ws.members.interviewer.actor.name!);

    const reminders = () =>
      db.emailOutbox.findMany({
        where: { workspaceId: ws.id, topic: { startsWith: `round:${round.id}:reminder` }, status: "pending" },
        orderBy: { nextAttemptAt: "asc" },
      });
    let pending = await reminders();
    expect(pending).toHaveLength(4); // 24 h and 1 h, for the interviewer and the candidate
    expect(pending.map((m) => m.nextAttemptAt.getTime())).toEqual([
      at.getTime() - DAY,
      at.getTime() - DAY,
      at.getTime() - 3_600_000,
      at.getTime() - 3_600_000,
    ]);

    // Move it a day later.
    const later = new Date(at.getTime() + DAY);
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: round.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: later }],
    });
    const moved = await db.emailOutbox.findFirstOrThrow({
      where: { workspaceId: ws.id, topic: `round:${round.id}:rescheduled` },
    });
    expect(parseIcs((moved.attachments as { content: string }[])[0]!.content)).toMatchObject({
      method: "REQUEST",
      uid: round.icsUid,
      sequence: 1,
      start: later.toISOString(),
    });
    pending = await reminders();
    expect(pending).toHaveLength(4);
    expect(
      pending.every(
        (m) =>
          m.nextAttemptAt.getTime() === later.getTime() - DAY ||
          m.nextAttemptAt.getTime() === later.getTime() - 3_600_000,
      ),
    ).toBe(true);

    await coach.schedule.cancelRound({ workspaceId: ws.id, roundId: round.id, reason: "The candidate is ill" });
    const cancel = await db.emailOutbox.findFirstOrThrow({
      where: { workspaceId: ws.id, topic: `round:${round.id}:cancelled` },
    });
    expect(cancel.text).toContain("Reason: The candidate is ill");
    expect(parseIcs((cancel.attachments as { content: string }[])[0]!.content)).toMatchObject({
      method: "CANCEL",
      uid: round.icsUid,
      sequence: 2,
    });
    expect(await reminders()).toHaveLength(0);
    expect(await outcome(coach.schedule.cancelRound({ workspaceId: ws.id, roundId: round.id, reason: "Again" }))).toBe(
      "CONFLICT",
    );
  });

  it("refuses bookings and moves in the past; only a change of time sends Moved, other edits an update naming the change", async () => {
    const ws = await createWorkspaceWithRoles("past");
    const { loopId, rounds } = await loopFor(ws);
    const coach = ws.members.coach.caller;
    const past = new Date("2020-01-01T10:00:00Z");
    const err = await coach.schedule
      .book({
        workspaceId: ws.id,
        loopId,
        bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: past }],
      })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(err!.message).toMatch(/in the past/);
    expect(await db.emailOutbox.count({ where: { workspaceId: ws.id, topic: { startsWith: "round:" } } })).toBe(0);

    const at = futureMonday();
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: at }],
    });
    expect(
      await outcome(
        coach.schedule.book({
          workspaceId: ws.id,
          loopId,
          bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: past }],
        }),
      ),
    ).toBe("BAD_REQUEST");
    // Same time, new video link: an update that says so, never "Moved".
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: rounds[0]!.id,
          interviewerMemberId: ws.members.interviewer.memberId,
          startsAt: at,
          location: "https://meet.example/new",
        },
      ],
    });
    expect(
      await db.emailOutbox.count({ where: { workspaceId: ws.id, topic: `round:${rounds[0]!.id}:rescheduled` } }),
    ).toBe(0);
    const update = await db.emailOutbox.findFirstOrThrow({
      where: { workspaceId: ws.id, topic: `round:${rounds[0]!.id}:updated`, to: ws.members.candidate.actor.email! },
    });
    expect(update.subject).toMatch(/^Updated: /);
    expect(update.text).toContain("Video link or place: https://meet.example/new");
    // Saving with nothing changed sends nothing.
    const before = await db.emailOutbox.count({ where: { workspaceId: ws.id } });
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: rounds[0]!.id,
          interviewerMemberId: ws.members.interviewer.memberId,
          startsAt: at,
          location: "https://meet.example/new",
        },
      ],
    });
    expect(await db.emailOutbox.count({ where: { workspaceId: ws.id } })).toBe(before);
    // A new interviewer: they get the invitation details as an update, the one taken off a cancellation.
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.owner.memberId, startsAt: at }],
    });
    const offTheRound = await db.emailOutbox.findFirstOrThrow({
      where: { workspaceId: ws.id, topic: `round:${rounds[0]!.id}:cancelled`, to: ws.members.interviewer.actor.email! },
    });
    expect(parseIcs((offTheRound.attachments as { content: string }[])[0]!.content)).toMatchObject({
      method: "CANCEL",
    });
    expect(
      await db.emailOutbox.count({
        where: { workspaceId: ws.id, topic: `round:${rounds[0]!.id}:updated`, to: ws.members.owner.actor.email! },
      }),
    ).toBe(1);
  });

  it("pins the round type's published rubric version when a round is scheduled", async () => {
    const ws = await createWorkspaceWithRoles("pin");
    const { loopId, rounds } = await loopFor(ws);
    await ws.members.coach.caller.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        { roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: futureMonday() },
      ],
    });
    const round = await db.round.findUniqueOrThrow({ where: { id: rounds[0]!.id } });
    const version = await db.rubricVersion.findUniqueOrThrow({
      where: { id: round.rubricVersionId! },
      include: { rubric: true },
    });
    expect(version).toMatchObject({ status: "published", version: 1 });
    expect(version.rubric.roundTypeId).toBe(round.roundTypeId);
  });
});
