import { describe, expect, it } from "vitest";
import { callerFor, createUser, createWorkspaceWithRoles, db, outcome } from "@/test/factories";
import { DAY, futureMonday, loopFor, parseIcs } from "@/test/schedule-fixtures";

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
      data: { tokenHash: (await import("../invitation")).hashToken(token) },
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

describe("a loop's rounds", () => {
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
});
