import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { addCandidate, loopFor } from "@/test/schedule-fixtures";

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
