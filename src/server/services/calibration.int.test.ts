import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, outcome, settleCalibration } from "@/test/factories";
import { addInterviewer, bookedLoop, fillAndSubmit } from "@/test/scorecard-fixtures";

describe("calibration across candidates", () => {
  it("the interviewer report finds the lenient and the harsh interviewer; the cohort puts candidates on one scale", async () => {
    const ws = await createWorkspaceWithRoles("cohort");
    const lenient = await addInterviewer(ws);
    const harsh = await addInterviewer(ws);
    // Four candidates, each seen by both interviewers on coding rounds; the lenient one rates 2 higher.
    for (const ability of [1, 2, 2, 1]) {
      const loop = await bookedLoop(ws, [ws.members.interviewer, lenient, harsh], "entry-coding-focus");
      await fillAndSubmit(lenient.caller, ws.id, loop.rounds[1]!.id, () => (ability + 2) as 1 | 2 | 3 | 4, "yes");
      await fillAndSubmit(harsh.caller, ws.id, loop.rounds[2]!.id, () => ability as 1 | 2 | 3 | 4, "no");
    }
    await settleCalibration(ws);
    const report = await ws.members.coach.caller.calibration.interviewerPage({ workspaceId: ws.id });
    const l = report.items.find((i) => i.interviewerId === lenient.memberId)!;
    const h = report.items.find((i) => i.interviewerId === harsh.memberId)!;
    // Most lenient first.
    expect(report.items[0]!.interviewerId).toBe(lenient.memberId);
    expect(report.items.at(-1)!.interviewerId).toBe(harsh.memberId);
    expect(l.severity!).toBeGreaterThan(0.5);
    expect(h.severity!).toBeLessThan(-0.5);
    expect(l.scorecards).toBe(4);
    expect(l.spreadStandardError).not.toBeNull();
    expect(l.panelGap).toBeCloseTo(2, 5);
    const summary = await ws.members.coach.caller.calibration.summary({ workspaceId: ws.id });
    expect(summary.agreement.bySignal.length).toBeGreaterThan(0);
    expect(summary.interviewers).toBe(report.total);
    expect(summary.model.severitySd).not.toBeNull();

    const cohort = await ws.members.coach.caller.calibration.cohortPage({ workspaceId: ws.id, level: "mid" });
    expect(cohort.items).toHaveLength(4);
    expect(cohort.total).toBe(4);
    for (const c of cohort.items) {
      expect(c.raw).toBeGreaterThan(c.calibrated! - 2);
      expect(c.standardError).toBeGreaterThan(0);
    }
    const apart = await ws.members.coach.caller.calibration.cohortPage({
      workspaceId: ws.id,
      section: "notCalibrated",
    });
    expect(apart.items).toEqual([]);
    expect(apart.total).toBe(0);
    // Ranked by calibrated score, highest first.
    const scores = cohort.items.map((c) => c.calibrated!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]!).toBeGreaterThan(scores.at(-1)!);
    expect(await outcome(ws.members.interviewer.caller.calibration.cohortPage({ workspaceId: ws.id }))).toBe(
      "FORBIDDEN",
    );
  });
});
