// "How I rate" reads the one stored fit (the same numbers as the coaches' interviewer report), with the
// per-dimension estimates the background fit stores, and compares two periods of the person's scorecards.
import { describe, expect, it } from "vitest";
import { createBookedLoop, createWorkspaceWithRoles, db, submitScorecards } from "@/test/factories";

describe("How I rate", () => {
  it("shows the stored fit's severity, gain per dimension, agreement and time to submit", async () => {
    const ws = await createWorkspaceWithRoles("rate");
    const { interviewer, owner, coach } = ws.members;
    for (const [offset, generous] of [
      [3, 4],
      [10, 3],
    ] as const) {
      const loop = await createBookedLoop(ws, {
        template: "senior-backend-design-heavy",
        level: "senior",
        bookings: [
          [0, coach],
          [1, interviewer],
          [2, owner],
        ],
        offsetDays: offset,
      });
      await submitScorecards(ws, [
        { roundId: loop.rounds[0]!.id, member: coach, rate: (j) => ((j % 3) + 1) as 1 | 2 | 3 },
        { roundId: loop.rounds[1]!.id, member: interviewer, rate: () => generous },
        { roundId: loop.rounds[2]!.id, member: owner, rate: (j) => ((j % 2) + 2) as 2 | 3 },
      ]);
    }
    const mine = await interviewer.caller.exercise.howIRate({ workspaceId: ws.id });
    const report = await coach.caller.calibration.interviewerPage({ workspaceId: ws.id });
    const same = report.items.find((i) => i.interviewerId === interviewer.memberId)!;
    expect(mine.severity.value).toBe(same.severity);
    expect(mine.gain.value).toBe(same.gain);
    expect(mine.agreement.panelGap).toBe(same.panelGap);
    expect(mine.timeToSubmit.medianHours).toBe(same.medianHoursToSubmit);
    expect(mine.severity.value).toBeGreaterThan(0);
    expect(mine.severity.explanation).toMatch(/more generous/);
    // Per dimension: one fit per dimension the person rated, stored by the background fit.
    const stored = await db.cohortInterviewer.findMany({
      where: { workspaceId: ws.id, memberId: interviewer.memberId },
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(mine.dimensions.length).toBeGreaterThan(0);
    for (const d of mine.dimensions) {
      expect(d.name).not.toBe("");
      expect(d.severityExplanation.length).toBeGreaterThan(10);
    }
    // Both scorecards were submitted today: the recent period has them, the earlier one nothing to compare.
    const [earlier, recent] = mine.change.periods;
    expect([earlier.scorecards, recent.scorecards]).toEqual([0, 2]);
    expect(recent.signedGap).toBeGreaterThan(0);
    expect(mine.change.summary).toMatch(/Not enough to compare/);
    expect(mine.scorecards).toBe(2);
  });
});
