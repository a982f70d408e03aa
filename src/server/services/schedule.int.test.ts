import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { callerFor, createUser, createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";
import type { AppError } from "@/server/errors";
import { restoreRound } from "./schedule";

const DAY = 86_400_000;
/** A Monday 15:00 UTC at least two weeks ahead, so reminders are in the future. */
function futureMonday(weeks = 2): Date {
  const d = new Date(Date.now() + weeks * 7 * DAY);
  d.setUTCHours(15, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d;
}

async function loopFor(
  ws: TestWorkspace,
  candidateMemberId = ws.members.candidate.memberId,
  templateKey = "backend-mid-virtual-onsite",
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: templateKey } });
  const { id } = await ws.members.coach.caller.loop.create({
    workspaceId: ws.id,
    candidateMemberId,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const rounds = await db.round.findMany({ where: { loopId: id }, orderBy: { order: "asc" } });
  return { loopId: id, rounds };
}

async function addCandidate(ws: TestWorkspace) {
  const user = await createUser("cand");
  const m = await db.membership.create({ data: { workspaceId: ws.id, userId: user.userId, role: "candidate" } });
  return m.id;
}

function parseIcs(base64: string) {
  const cal = new ICAL.Component(ICAL.parse(Buffer.from(base64, "base64").toString("utf8")));
  const ev = cal.getFirstSubcomponent("vevent")!;
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: ev.getFirstPropertyValue("uid"),
    sequence: ev.getFirstPropertyValue("sequence"),
    start: (ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
}

describe("loops", () => {
  it("a loop from a template gets the template's rounds in order; the status moves by its rules", async () => {
    const ws = await createWorkspaceWithRoles("loops");
    const { loopId, rounds } = await loopFor(ws);
    expect(rounds.map((r) => r.durationMin)).toEqual([60, 60, 60, 60, 45, 45]);
    const loop = await ws.members.coach.caller.loop.get({ workspaceId: ws.id, loopId });
    expect(loop.status).toBe("scheduling");
    expect(loop.rounds.map((r) => r.roundType.key)).toEqual([
      "technical-screen",
      "coding",
      "coding",
      "system-design",
      "behavioral",
      "hiring-manager",
    ]);
    expect(
      await outcome(ws.members.coach.caller.loop.setStatus({ workspaceId: ws.id, loopId, status: "completed" })),
    ).toBe("CONFLICT");
    expect(
      await outcome(
        ws.members.coach.caller.loop.create({
          workspaceId: ws.id,
          candidateMemberId: ws.members.interviewer.memberId,
          targetRole: "Backend engineer",
          level: "mid",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const board = await ws.members.coach.caller.loop.board({ workspaceId: ws.id });
    expect(board.columns.flatMap((c) => c.items).find((l) => l.id === loopId)).toMatchObject({
      status: "scheduling",
      rounds: 6,
      scheduled: 0,
    });
  });
});

describe("loop templates", () => {
  it("a coach saves a template with a default question and an interviewer pool; loops and suggestions follow it", async () => {
    const ws = await createWorkspaceWithRoles("templates");
    const coach = ws.members.coach.caller;
    const question = await db.question.findFirstOrThrow({
      where: { workspaceId: ws.id, guidePrompt: "LRU cache" },
      include: { roundType: true },
    });
    const { id: templateId } = await coach.loop.saveTemplate({
      workspaceId: ws.id,
      name: "Quick coding check",
      description: "One coding round.",
      level: "entry",
      rounds: [
        {
          roundTypeKey: question.roundType.key,
          durationMin: 50,
          questionId: question.id,
          poolMemberIds: [ws.members.owner.memberId],
        },
      ],
    });
    const templates = await coach.loop.templates({ workspaceId: ws.id });
    expect(templates.find((t) => t.id === templateId)).toMatchObject({
      name: "Quick coding check",
      rounds: [{ durationMin: 50, questionId: question.id }],
    });
    const { id: loopId } = await coach.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      templateId,
      targetRole: "Backend engineer",
      level: "entry",
    });
    const [round] = await db.round.findMany({ where: { loopId } });
    expect(round).toMatchObject({
      durationMin: 50,
      questionId: question.id,
      poolMemberIds: [ws.members.owner.memberId],
    });
    // The interviewer is qualified but outside the template's pool: nobody is left to suggest.
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeKeys: [question.roundType.key],
      weeklyCap: null,
    });
    expect(await outcome(coach.schedule.suggest({ workspaceId: ws.id, loopId }))).toBe("BAD_REQUEST");
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.owner.memberId,
      roundTypeKeys: [question.roundType.key],
      weeklyCap: null,
    });
    const suggestions = await coach.schedule.suggest({ workspaceId: ws.id, loopId });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.rounds.every((r) => r.interviewerMemberId === ws.members.owner.memberId))).toBe(
      true,
    );
    // Bad references are refused with where they are.
    const err = await coach.loop
      .saveTemplate({
        workspaceId: ws.id,
        name: "Broken",
        description: "",
        level: "mid",
        rounds: [{ roundTypeKey: "coding", durationMin: 45, poolMemberIds: [ws.members.candidate.memberId] }],
      })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      message: "rounds.0.poolMemberIds: every pool member must be an interviewer of this workspace.",
    });
  });
});

describe("a loop for a new candidate email", () => {
  it("invites the address as a candidate; accepting attaches the loop and its rounds to them", async () => {
    const ws = await createWorkspaceWithRoles("emailcand");
    const template = await db.loopTemplate.findFirstOrThrow({
      where: { workspaceId: ws.id, key: "entry-coding-focus" },
    });
    const newcomer = await createUser("newcomer");
    const { id: loopId } = await ws.members.coach.caller.loop.create({
      workspaceId: ws.id,
      candidateEmail: newcomer.email!.toUpperCase(),
      templateId: template.id,
      targetRole: "Backend engineer",
      level: "entry",
    });
    const invitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: ws.id, email: newcomer.email! } });
    expect(invitation.role).toBe("candidate");
    expect((await ws.members.coach.caller.loop.get({ workspaceId: ws.id, loopId })).candidate?.name).toBe(
      `${newcomer.email} (invited)`,
    );
    // Rounds can be booked before they join.
    const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
    await ws.members.coach.caller.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        { roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: futureMonday() },
      ],
    });

    expect(await db.emailOutbox.count({ where: { workspaceId: ws.id, to: newcomer.email! } })).toBe(1); // the invitation only
    const token = `tok${invitation.id}`.padEnd(43, "Q");
    await db.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: (await import("./invitation")).hashToken(token) },
    });
    await callerFor(newcomer).invitation.accept({ token });
    // The round booked before they joined: its invitation with the calendar file, and its reminders, once.
    const invite = await db.emailOutbox.findMany({
      where: { workspaceId: ws.id, to: newcomer.email!, topic: `round:${rounds[0]!.id}:scheduled` },
    });
    expect(invite).toHaveLength(1);
    expect(parseIcs((invite[0]!.attachments as { content: string }[])[0]!.content)).toMatchObject({
      method: "REQUEST",
      uid: rounds[0]!.icsUid,
    });
    expect(
      await db.emailOutbox.count({
        where: { workspaceId: ws.id, to: newcomer.email!, topic: { startsWith: `round:${rounds[0]!.id}:reminder` } },
      }),
    ).toBe(2);
    expect(await outcome(callerFor(newcomer).invitation.accept({ token }))).toBe("CONFLICT");
    await Promise.all([1, 2, 3].map(() => outcome(callerFor(newcomer).invitation.accept({ token }))));
    expect(
      await db.emailOutbox.count({
        where: { workspaceId: ws.id, to: newcomer.email!, topic: `round:${rounds[0]!.id}:scheduled` },
      }),
    ).toBe(1);
    // Later changes reach them like anyone booked.
    await ws.members.coach.caller.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: rounds[0]!.id,
          interviewerMemberId: ws.members.interviewer.memberId,
          startsAt: new Date(futureMonday().getTime() + DAY),
        },
      ],
    });
    expect(
      await db.emailOutbox.count({
        where: { workspaceId: ws.id, to: newcomer.email!, topic: `round:${rounds[0]!.id}:rescheduled` },
      }),
    ).toBe(1);
    const member = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: newcomer.userId } });
    expect((await db.loop.findUniqueOrThrow({ where: { id: loopId } })).candidateMemberId).toBe(member.id);
    expect(await db.round.count({ where: { loopId, candidateMemberId: member.id } })).toBe(4);
    const schedule = await callerFor(newcomer).schedule.mySchedule({ workspaceId: ws.id });
    expect(schedule).toHaveLength(1);
    // A second loop for the same address reuses the member.
    const again = await ws.members.coach.caller.loop.create({
      workspaceId: ws.id,
      candidateEmail: newcomer.email!,
      templateId: template.id,
      targetRole: "Backend engineer",
      level: "entry",
    });
    expect((await db.loop.findUniqueOrThrow({ where: { id: again.id } })).candidateMemberId).toBe(member.id);
    expect(
      await outcome(
        ws.members.coach.caller.loop.create({
          workspaceId: ws.id,
          candidateEmail: ws.members.interviewer.actor.email!,
          targetRole: "x role",
          level: "mid",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("a loop takes its template's level unless the coach picks one", async () => {
    const ws = await createWorkspaceWithRoles("tpl-level");
    const entry = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: "entry-coding-focus" } });
    const coach = ws.members.coach.caller;
    const a = await coach.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      templateId: entry.id,
      targetRole: "Backend engineer",
    });
    const b = await coach.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      templateId: entry.id,
      targetRole: "Backend engineer",
      level: "senior",
    });
    expect((await coach.loop.get({ workspaceId: ws.id, loopId: a.id })).level).toBe("entry");
    expect((await coach.loop.get({ workspaceId: ws.id, loopId: b.id })).level).toBe("senior");
  });

  it("sends no invitation when the loop cannot be created (one transaction)", async () => {
    const ws = await createWorkspaceWithRoles("emailcand-atomic");
    const broken = await db.loopTemplate.create({
      data: {
        workspaceId: ws.id,
        key: "broken",
        name: "Broken",
        description: "",
        level: "mid",
        dimensionWeights: {},
        rounds: [{ roundTypeKey: "no-such-round-type", durationMin: 45 }],
      },
    });
    const email = `atomic-${Date.now()}@example.test`;
    const err = await ws.members.coach.caller.loop
      .create({
        workspaceId: ws.id,
        candidateEmail: email,
        templateId: broken.id,
        targetRole: "Backend engineer",
        level: "mid",
      })
      .then(
        () => null,
        (e: { code: string }) => e,
      );
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.invitation.count({ where: { workspaceId: ws.id, email } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { workspaceId: ws.id, to: email } })).toBe(0);
    expect(await db.loop.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});

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

  it("a loop gains a round, and loses one that was never booked", async () => {
    const ws = await createWorkspaceWithRoles("add-round");
    const { loopId, rounds } = await loopFor(ws);
    const coach = ws.members.coach.caller;
    const design = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "system-design" } });
    const { id } = await coach.loop.addRound({ workspaceId: ws.id, loopId, roundTypeId: design.id });
    let loop = await coach.loop.get({ workspaceId: ws.id, loopId });
    expect(loop.rounds.at(-1)).toMatchObject({
      id,
      status: "unscheduled",
      durationMin: design.defaultDurationMin,
      roundType: { key: "system-design" },
    });
    expect(loop.rounds).toHaveLength(rounds.length + 1);
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        { roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: futureMonday() },
      ],
    });
    expect(await outcome(coach.loop.removeRound({ workspaceId: ws.id, roundId: rounds[0]!.id }))).toBe("CONFLICT");
    await coach.loop.removeRound({ workspaceId: ws.id, roundId: id });
    loop = await coach.loop.get({ workspaceId: ws.id, loopId });
    expect(loop.rounds.map((r) => r.id)).not.toContain(id);
    expect(
      await outcome(
        ws.members.interviewer.caller.loop.addRound({ workspaceId: ws.id, loopId, roundTypeId: design.id }),
      ),
    ).toBe("FORBIDDEN");
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

describe("suggested slots, agenda and schedule", () => {
  it("suggests slots for a whole loop across time zones; booking one fills the interviewer's agenda and the candidate's schedule", async () => {
    const ws = await createWorkspaceWithRoles("suggest");
    const coach = ws.members.coach.caller;
    const { loopId } = await loopFor(ws, ws.members.candidate.memberId, "entry-coding-focus");
    // Interviewers: the interviewer (Berlin) runs screens and coding; the owner (New York) runs behavioral.
    await ws.members.interviewer.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "Europe/Berlin",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "13:00", end: "21:00" })),
      exceptions: [],
    });
    await ws.members.owner.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "America/New_York",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      exceptions: [],
    });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeKeys: ["technical-screen", "coding"],
      weeklyCap: 10,
    });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.owner.memberId,
      roundTypeKeys: ["behavioral"],
      weeklyCap: 5,
    });
    await ws.members.candidate.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "America/Los_Angeles",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "06:00", end: "12:00" })),
      exceptions: [],
    });

    const suggestions = await coach.schedule.suggest({ workspaceId: ws.id, loopId, days: 14 });
    expect(suggestions.length).toBeGreaterThan(0);
    const pick = suggestions[0]!;
    expect(pick.rounds).toHaveLength(4);
    for (let i = 1; i < pick.rounds.length; i++)
      expect(pick.rounds[i]!.start.getTime()).toBeGreaterThanOrEqual(pick.rounds[i - 1]!.end.getTime());
    expect(pick.rounds.at(-1)!.interviewerMemberId).toBe(ws.members.owner.memberId);

    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: pick.rounds.map((r) => ({
        roundId: r.roundId,
        interviewerMemberId: r.interviewerMemberId,
        startsAt: r.start,
      })),
    });
    expect((await coach.loop.get({ workspaceId: ws.id, loopId })).status).toBe("scheduled");
    const agenda = await ws.members.interviewer.caller.schedule.agenda({ workspaceId: ws.id });
    expect(agenda).toHaveLength(3);
    expect(agenda[0]!.candidate).toBe(ws.members.candidate.actor.name);
    const schedule = await ws.members.candidate.caller.schedule.mySchedule({ workspaceId: ws.id });
    expect(schedule).toHaveLength(4);
    expect(JSON.stringify(schedule)).not.toContain(ws.members.interviewer.actor.name!);
    // The slots are no longer free: a second suggestion avoids them.
    const again = await coach.schedule
      .suggest({
        workspaceId: ws.id,
        loopId: (await loopFor(ws, await addCandidate(ws), "entry-coding-focus")).loopId,
        days: 14,
      })
      .catch(() => []);
    for (const s of again)
      for (const r of s.rounds)
        for (const b of pick.rounds)
          if (r.interviewerMemberId === b.interviewerMemberId) expect(r.start < b.end && b.start < r.end).toBe(false);
  });

  it("says which round has nobody qualified", async () => {
    const ws = await createWorkspaceWithRoles("nopool");
    const { loopId } = await loopFor(ws);
    const err = await ws.members.coach.caller.schedule.suggest({ workspaceId: ws.id, loopId }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(err?.code).toBe("BAD_REQUEST");
    expect(err?.message).toMatch(/No interviewer is qualified for: .*Technical screen/);
  });

  it("a template may let a loop spread over several days: suggestions then split it when no single day holds it", async () => {
    const ws = await createWorkspaceWithRoles("multiday");
    const coach = ws.members.coach.caller;
    const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "11:30" }));
    await ws.members.candidate.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "Europe/Berlin",
      weekly: mornings,
      exceptions: [],
    });
    await ws.members.interviewer.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "Europe/Berlin",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "18:00" })),
      exceptions: [],
    });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeKeys: ["coding"],
      weeklyCap: null,
    });
    const rounds = [1, 2, 3].map(() => ({ roundTypeKey: "coding", durationMin: 120 }));
    const oneDay = await coach.loop.saveTemplate({
      workspaceId: ws.id,
      name: "Three codings, one day",
      description: "",
      level: "mid",
      rounds,
      maxDays: 1,
      breakMin: 15,
    });
    const threeDays = await coach.loop.saveTemplate({
      workspaceId: ws.id,
      name: "Three codings, three days",
      description: "",
      level: "mid",
      rounds,
      maxDays: 3,
      breakMin: 15,
    });
    const loopOf = (templateId: string) =>
      coach.loop.create({
        workspaceId: ws.id,
        candidateMemberId: ws.members.candidate.memberId,
        templateId,
        targetRole: "Backend engineer",
      });
    const a = await loopOf(oneDay.id);
    expect(await coach.schedule.suggest({ workspaceId: ws.id, loopId: a.id })).toEqual([]);
    expect((await coach.schedule.explain({ workspaceId: ws.id, loopId: a.id })).loop).toMatch(
      /not all 3 in one sitting/,
    );
    const b = await loopOf(threeDays.id);
    const [option] = await coach.schedule.suggest({ workspaceId: ws.id, loopId: b.id });
    const days = option!.rounds.map((r) => r.start.toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(3);
    expect([...days].sort()).toEqual(days);
    expect((await coach.loop.templates({ workspaceId: ws.id })).find((t) => t.id === threeDays.id)).toMatchObject({
      maxDays: 3,
      breakMin: 15,
    });
  });

  it("busy times imported from an interviewer's own calendar (.ics) keep suggestions off them", async () => {
    const ws = await createWorkspaceWithRoles("freebusy");
    const coach = ws.members.coach.caller;
    const { loopId, rounds } = await loopFor(ws, ws.members.candidate.memberId, "entry-coding-focus");
    for (const r of rounds.slice(1)) await db.round.delete({ where: { id: r.id } });
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
    await ws.members.candidate.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "UTC",
      weekly: weekdays,
      exceptions: [],
    });
    await ws.members.interviewer.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "UTC",
      weekly: weekdays,
      exceptions: [],
    });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeKeys: ["technical-screen"],
      weeklyCap: null,
    });
    const before = await coach.schedule.suggest({ workspaceId: ws.id, loopId });
    const firstDay = before[0]!.start.toISOString().slice(0, 10);

    const day = firstDay.replace(/-/g, "");
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "BEGIN:VEVENT",
      "UID:blocked@test",
      "DTSTAMP:20261201T000000Z",
      `DTSTART:${day}T000000Z`,
      `DTEND:${day}T235900Z`,
      "SUMMARY:Offsite",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    expect(await ws.members.interviewer.caller.schedule.importBusy({ workspaceId: ws.id, ics })).toMatchObject({
      busyPeriods: 1,
    });
    const after = await coach.schedule.suggest({ workspaceId: ws.id, loopId });
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((o) => o.start.toISOString().slice(0, 10))).not.toContain(firstDay);
    expect((await ws.members.interviewer.caller.schedule.myAvailability({ workspaceId: ws.id })).importedBusy).toBe(1);

    const err = await ws.members.interviewer.caller.schedule
      .importBusy({ workspaceId: ws.id, ics: "not a calendar" })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(err!.message).toMatch(/calendar file/);
    await ws.members.interviewer.caller.schedule.clearImportedBusy({ workspaceId: ws.id });
    expect((await coach.schedule.suggest({ workspaceId: ws.id, loopId }))[0]!.start.toISOString().slice(0, 10)).toBe(
      firstDay,
    );
  });

  it("when nothing fits, explains per round what blocks it; suggestions show each participant's zone", async () => {
    const ws = await createWorkspaceWithRoles("explain");
    const coach = ws.members.coach.caller;
    const { loopId, rounds } = await loopFor(ws, ws.members.candidate.memberId, "entry-coding-focus");
    for (const r of rounds.slice(1)) await db.round.delete({ where: { id: r.id } }); // one round: the technical screen
    await ws.members.candidate.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "America/New_York",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      exceptions: [],
    });
    await ws.members.interviewer.caller.schedule.saveMyAvailability({
      workspaceId: ws.id,
      timeZone: "Asia/Tokyo",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })),
      exceptions: [],
    });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeKeys: ["technical-screen"],
      weeklyCap: 5,
    });
    expect(await coach.schedule.suggest({ workspaceId: ws.id, loopId })).toEqual([]);
    const why = await coach.schedule.explain({ workspaceId: ws.id, loopId });
    expect(why.rounds[0]!.reasons.map((r) => r.why)).toEqual([
      `Technical screen (round 1): ${ws.members.interviewer.actor.name}'s hours (Asia/Tokyo) never overlap the candidate's.`,
    ]);

    // The owner, in London on assumed hours, does overlap: an option, with everyone's zone and a warning.
    await db.user.update({ where: { id: ws.members.owner.actor.userId }, data: { timeZone: "Europe/London" } });
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: ws.members.owner.memberId,
      roundTypeKeys: ["technical-screen"],
      weeklyCap: 5,
    });
    const options = await coach.schedule.suggest({ workspaceId: ws.id, loopId });
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]).toMatchObject({
      candidateTimeZone: "America/New_York",
      rounds: [
        {
          interviewerMemberId: ws.members.owner.memberId,
          interviewerTimeZone: "Europe/London",
          assumedHours: true,
          alternates: [],
        },
      ],
    });
  });
});
