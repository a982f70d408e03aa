// Role homes: each list shows what needs that person next, and changes as the work is done.
import { describe, expect, it } from "vitest";
import { SCORECARD_DUE_HOURS } from "@/domain/home";
import {
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  outcome,
  submitScorecards,
} from "@/test/factories";

const HOUR = 3_600_000;

/** The loop's rounds took place `daysAgo` days ago, two hours apart, as if the clock had moved on. */
async function heldDaysAgo(loopId: string, daysAgo: number) {
  const rounds = await db.round.findMany({ where: { loopId, status: "scheduled" }, orderBy: { order: "asc" } });
  const base = Math.floor((Date.now() - daysAgo * 24 * HOUR) / HOUR) * HOUR;
  for (const [n, r] of rounds.entries()) {
    const startsAt = new Date(base + n * 2 * HOUR);
    await db.round.update({
      where: { id: r.id },
      data: { startsAt, endsAt: new Date(startsAt.getTime() + r.durationMin * 60_000) },
    });
  }
  return rounds;
}

describe("role homes", () => {
  it("list what needs the coach, the interviewer and the candidate next, and follow the work through to a released report", async () => {
    const ws = await createWorkspaceWithRoles("home");
    const { coach, interviewer, owner, candidate } = ws.members;
    const home = (who: typeof coach) => who.caller.home.get({ workspaceId: ws.id });

    // Loop A: one round booked in two days, three still to schedule.
    const a = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[0, interviewer]],
      offsetDays: 2,
    });
    // Loop B: all four rounds held two days ago, no scorecard in yet.
    const b = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [
        [0, interviewer],
        [1, owner],
        [2, coach],
        [3, interviewer],
      ],
      offsetDays: 20,
    });
    const held = await heldDaysAgo(b.loopId, 2);

    let c = (await home(coach)).coach!;
    expect(c.toSchedule.items.map((l) => l.loopId)).toEqual([a.loopId]);
    expect(c.toSchedule.items[0]).toMatchObject({ rounds: 4, booked: 1 });
    expect(c.thisWeek.items.map((r) => r.roundId)).toEqual([a.rounds[0]!.id]);
    expect(c.overdueScorecards.total).toBe(4);
    expect(new Set(c.overdueScorecards.items.map((r) => r.loopId))).toEqual(new Set([b.loopId]));
    expect(c.debriefsReady.total).toBe(0);
    expect(c.interviewerLoad).toEqual([expect.objectContaining({ memberId: interviewer.memberId, rounds: 1 })]);

    let i = (await home(interviewer)).interviewer!;
    expect(i.upcoming.items.map((r) => r.roundId)).toEqual([a.rounds[0]!.id]);
    expect(i.scorecardsDue.items.map((r) => r.roundId).sort()).toEqual([held[0]!.id, held[3]!.id].sort());
    for (const due of i.scorecardsDue.items) {
      expect(due.overdue).toBe(true);
      expect(due.dueAt.getTime()).toBe(due.endsAt.getTime() + SCORECARD_DUE_HOURS * HOUR);
    }
    expect(i.calibration).toBeNull();

    // The coach nudges the interviewer once; a second nudge right away is refused.
    const first = c.overdueScorecards.items.find((r) => r.interviewer && r.roundId === held[0]!.id)!;
    expect(first.nudgedAt).toBeNull();
    await coach.caller.home.nudge({ workspaceId: ws.id, roundId: first.roundId });
    const sent = await db.emailOutbox.findMany({
      where: { workspaceId: ws.id, topic: `scorecard:${first.roundId}:${interviewer.memberId}:nudge` },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(interviewer.actor.email);
    expect(await outcome(coach.caller.home.nudge({ workspaceId: ws.id, roundId: first.roundId }))).toBe("CONFLICT");
    c = (await home(coach)).coach!;
    expect(c.overdueScorecards.items.find((r) => r.roundId === first.roundId)!.nudgedAt).not.toBeNull();
    // Nothing to chase on a round still to come.
    expect(await outcome(coach.caller.home.nudge({ workspaceId: ws.id, roundId: a.rounds[0]!.id }))).toBe("CONFLICT");

    // Every scorecard comes in: nothing is due, the debrief is ready, and the interviewer sees their calibration.
    await submitScorecards(ws, [
      { roundId: held[0]!.id, member: interviewer, rate: (j) => ((j % 4) + 1) as 1 | 2 | 3 | 4 },
      { roundId: held[1]!.id, member: owner, rate: () => 3 },
      { roundId: held[2]!.id, member: coach, rate: (j) => ((j % 3) + 2) as 2 | 3 | 4 },
      { roundId: held[3]!.id, member: interviewer, rate: () => 2 },
    ]);
    c = (await home(coach)).coach!;
    expect(c.overdueScorecards.total).toBe(0);
    expect(c.debriefsReady.items.map((l) => l.loopId)).toEqual([b.loopId]);
    i = (await home(interviewer)).interviewer!;
    expect(i.scorecardsDue.total).toBe(0);
    expect(i.submittedScorecards).toBe(2);
    expect(i.calibration).not.toBeNull();

    // Decided: the report is next; released: the candidate's home shows it, and their next round.
    await decideLoop(ws, b.loopId);
    c = (await home(coach)).coach!;
    expect(c.debriefsReady.total).toBe(0);
    expect(c.reportsToRelease.items).toEqual([expect.objectContaining({ loopId: b.loopId, candidateJoined: true })]);
    await coach.caller.report.openDraft({ workspaceId: ws.id, loopId: b.loopId });
    await coach.caller.report.release({ workspaceId: ws.id, loopId: b.loopId });
    expect((await home(coach)).coach!.reportsToRelease.total).toBe(0);

    const mine = await home(candidate);
    expect(mine.coach).toBeNull();
    expect(mine.interviewer).toBeNull();
    expect(mine.candidate!.nextRound?.roundId).toBe(a.rounds[0]!.id);
    expect(mine.candidate!.latestFeedback).not.toBeNull();
    expect(mine.candidate!.progress).toHaveLength(1);
    expect((await home(interviewer)).coach).toBeNull();
  });
});
