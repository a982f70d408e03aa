// Trustworthy numbers: a loop's scores come only from its own scorecards, every page reads the same fit,
// released reports keep the numbers the candidate saw, and loops outside the connected panel are not
// calibrated.
import { describe, expect, it } from "vitest";
import {
  addMember,
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  submitScorecards,
  type TestWorkspace,
} from "@/test/factories";

/** 1–4 from a signal's position and an offset, so interviewers disagree in a repeatable way. */
const pattern = (offset: number) => (j: number) => (((((j + offset) % 4) + 4) % 4) + 1) as 1 | 2 | 3 | 4;

/**
 * Loop one: senior, design-heavy (coding, then two system-design rounds). Loop two: entry, coding focus,
 * whose two coding rounds assess no system design at all.
 */
async function twoLoops(ws: TestWorkspace) {
  const { interviewer, owner, coach } = ws.members;
  const one = await createBookedLoop(ws, {
    template: "senior-backend-design-heavy",
    level: "senior",
    targetRole: "Staff engineer",
    bookings: [
      [0, coach],
      [1, interviewer],
      [2, owner],
    ],
    offsetDays: 3,
  });
  await submitScorecards(ws, [
    { roundId: one.rounds[0]!.id, member: coach, rate: pattern(2) },
    { roundId: one.rounds[1]!.id, member: interviewer, rate: () => 4, redFlag: true },
    { roundId: one.rounds[2]!.id, member: owner, rate: pattern(1) },
  ]);
  await decideLoop(ws, one.loopId);
  const two = await createBookedLoop(ws, {
    template: "entry-coding-focus",
    level: "entry",
    targetRole: "Junior engineer",
    bookings: [
      [1, interviewer],
      [2, owner],
    ],
    offsetDays: 10,
  });
  await submitScorecards(ws, [
    { roundId: two.rounds[1]!.id, member: interviewer, rate: pattern(0) },
    { roundId: two.rounds[2]!.id, member: owner, rate: pattern(3) },
  ]);
  await decideLoop(ws, two.loopId);
  return { one: one.loopId, two: two.loopId };
}

const round2 = (n: number | null | undefined) => (n === null || n === undefined ? n : Number(n.toFixed(6)));

describe("per-loop scores", () => {
  it("a second loop without a design round shows no design score, strength or rounds; progress has one independent point per loop", async () => {
    const ws = await createWorkspaceWithRoles("per-loop");
    const coach = ws.members.coach.caller;
    const { one, two } = await twoLoops(ws);

    // The first loop's report is released before the second loop's scores exist in its shape.
    await coach.report.openDraft({ workspaceId: ws.id, loopId: one });
    await coach.report.release({ workspaceId: ws.id, loopId: one });
    const firstRelease = await db.feedbackReportVersion.findFirstOrThrow({
      where: { workspaceId: ws.id, report: { loopId: one } },
    });

    const debrief = await coach.debrief.get({ workspaceId: ws.id, loopId: two });
    const dims = debrief.dimensionScores.map((d) => d.dimensionKey);
    expect(dims).toContain("coding");
    expect(dims).not.toContain("system-design");
    for (const d of debrief.dimensionScores) expect(d.rounds).toEqual(["Coding (round 2)", "Coding (round 3)"]);
    const codingSignals = await db.signal.findMany({
      where: { workspaceId: ws.id, version: { rubric: { roundType: { key: "coding" } } } },
      select: { key: true, title: true },
    });
    const designSignals = await db.signal.findMany({
      where: { workspaceId: ws.id, version: { rubric: { roundType: { key: "system-design" } } } },
      select: { key: true, title: true },
    });
    const onlyDesign = designSignals.filter((s) => !codingSignals.some((c) => c.key === s.key));
    expect(onlyDesign.length).toBeGreaterThan(0);
    const ratedRows = debrief.matrix.filter((r) => r.ratings.some((rating) => typeof rating === "number"));
    expect(ratedRows.length).toBeGreaterThan(0);
    for (const row of ratedRows) expect(codingSignals.map((s) => s.key)).toContain(row.key);

    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId: two });
    expect(draft.preview.dimensions.map((d) => d.key)).toEqual(dims);
    const picked = [...draft.preview.strengths, ...draft.preview.growthAreas].map((s) => s.title);
    expect(picked.length).toBeGreaterThan(0);
    for (const title of picked) expect(codingSignals.map((s) => s.title)).toContain(title);
    for (const s of onlyDesign) expect(picked).not.toContain(s.title);
    expect(draft.preview.loop).toMatchObject({ label: "Junior engineer (entry)" });

    // The first loop's own debrief does show system design, from its design rounds.
    const firstDebrief = await coach.debrief.get({ workspaceId: ws.id, loopId: one });
    expect(firstDebrief.dimensionScores.find((d) => d.dimensionKey === "system-design")?.rounds).toEqual([
      "System design (round 2)",
      "System design (round 3)",
    ]);

    await coach.report.release({ workspaceId: ws.id, loopId: two });
    const mine = await ws.members.candidate.caller.report.listMine({ workspaceId: ws.id });
    const report = await ws.members.candidate.caller.report.getMine({
      workspaceId: ws.id,
      reportId: mine[1]!.reportId,
    });
    expect(report.progress).toHaveLength(2);
    expect(report.progress.map((p) => p.label)).toEqual(["Staff engineer (senior)", "Junior engineer (entry)"]);
    expect(report.progress[0]!.dimensions.map((d) => d.name)).toContain("System design");
    expect(report.progress[1]!.dimensions.map((d) => d.name)).not.toContain("System design");
    // The first point is exactly what was released for the first loop, unchanged by the second loop.
    const released = firstRelease.content as { dimensions: { name: string; score: number }[] };
    expect(report.progress[0]!.dimensions.map((d) => [d.name, d.score])).toEqual(
      released.dimensions.map((d) => [d.name, d.score]),
    );
    for (const d of report.progress[1]!.dimensions) expect(d.range === null || d.range.low <= d.score).toBe(true);
  });

  it("the same loop shows identical numbers on the debrief, the report draft, the cohort view and the interviewer report", async () => {
    const ws = await createWorkspaceWithRoles("same-numbers");
    const coach = ws.members.coach.caller;
    const { one, two } = await twoLoops(ws);
    for (const loopId of [one, two]) {
      const debrief = await coach.debrief.get({ workspaceId: ws.id, loopId });
      const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
      const cohort = await coach.calibration.cohortPage({ workspaceId: ws.id });
      const report = await coach.calibration.interviewerPage({ workspaceId: ws.id, limit: 100 });
      const row = cohort.items.find((c) => c.loopId === loopId)!;
      expect(row).toBeDefined();
      expect(debrief.overall!.calibrated).not.toBeNull();
      expect(round2(row.calibrated)).toBe(round2(debrief.overall!.calibrated));
      expect(round2(row.standardError)).toBe(round2(debrief.overall!.standardError));
      for (const d of debrief.dimensionScores) {
        expect(round2(row.byDimension[d.dimensionKey]!.calibrated)).toBe(round2(d.calibrated));
        const shown = draft.preview.dimensions.find((x) => x.key === d.dimensionKey)!;
        expect(round2(shown.score)).toBe(round2(d.calibrated));
        expect(round2(shown.standardError)).toBe(round2(d.standardError));
      }
      for (const col of debrief.columns) {
        const i = report.items.find((x) => x.interviewerId === col.interviewerMemberId)!;
        expect(round2(i.severity)).toBe(round2(col.severity));
        expect(round2(i.standardError)).toBe(round2(col.severityStandardError));
      }
    }
  });

  it("a loop rated only by an interviewer outside the connected panel is shown raw, with the reason, and never ranked", async () => {
    const ws = await createWorkspaceWithRoles("disconnected");
    const coach = ws.members.coach.caller;
    await twoLoops(ws);
    const loner = await addMember(ws, "interviewer", "loner");
    const lone = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      level: "entry",
      targetRole: "Lone loop",
      bookings: [[1, loner]],
      offsetDays: 20,
    });
    await submitScorecards(ws, [{ roundId: lone.rounds[1]!.id, member: loner, rate: pattern(1) }]);

    const debrief = await coach.debrief.get({ workspaceId: ws.id, loopId: lone.loopId });
    expect(debrief.overall!.calibrated).toBeNull();
    expect(debrief.overall!.notCalibratedReason).toMatch(/\w/);
    for (const d of debrief.dimensionScores) {
      expect(d.calibrated).toBeNull();
      expect(d.standardError).toBeNull();
    }
    expect(debrief.columns[0]!.severity).toBeNull();

    const ranked = await coach.calibration.cohortPage({ workspaceId: ws.id });
    expect(ranked.items.map((c) => c.loopId)).not.toContain(lone.loopId);
    for (const sort of ["raw", "name"] as const) {
      const other = await coach.calibration.cohortPage({ workspaceId: ws.id, sort });
      expect(other.items.map((c) => c.loopId)).not.toContain(lone.loopId);
    }
    const notCalibrated = await coach.calibration.cohortPage({ workspaceId: ws.id, section: "notCalibrated" });
    expect(notCalibrated.total).toBe(1);
    const apart = notCalibrated.items.find((c) => c.loopId === lone.loopId)!;
    expect(apart.calibrated).toBeNull();
    expect(apart.raw).toBeCloseTo(debrief.overall!.raw, 9);
    expect(apart.notCalibratedReason).toMatch(/\w/);

    // The interviewer outside the panel is listed apart in the interviewer report too, never among the ranked.
    for (const sort of ["severity", "ratings", "name"] as const) {
      const panel = await coach.calibration.interviewerPage({ workspaceId: ws.id, sort });
      expect(panel.items.map((i) => i.interviewerId)).not.toContain(loner.memberId);
    }
    const report = await coach.calibration.interviewerPage({ workspaceId: ws.id, section: "notCalibrated" });
    expect(report.total).toBe(1);
    const estimate = report.items.find((i) => i.interviewerId === loner.memberId)!;
    expect(estimate).toMatchObject({ identifiable: false, severity: null, standardError: null });
    expect(estimate.notCalibratedReason).toMatch(/\w/);
  });

  it("one lookup decides a round type's published rubric: the kit, the pinned round and the scorecard agree", async () => {
    const ws = await createWorkspaceWithRoles("rubric-lookup");
    const coach = ws.members.coach.caller;
    const coding = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
    // A later copy of the coding rubric, published too: the original stays the round type's rubric.
    const original = await db.rubric.findFirstOrThrow({ where: { workspaceId: ws.id, roundTypeId: coding.id } });
    const copy = await coach.rubric.copy({ workspaceId: ws.id, rubricId: original.id, name: "Coding (copy)" });
    await coach.rubric.publish({ workspaceId: ws.id, rubricId: copy.id, changeSummary: "Copy published" });

    const kit = await coach.kit.get({ workspaceId: ws.id, roundTypeId: coding.id });
    const { rounds } = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[1, ws.members.interviewer]],
    });
    const pinned = await db.round.findUniqueOrThrow({ where: { id: rounds[1]!.id } });
    const opened = await ws.members.interviewer.caller.scorecard.open({ workspaceId: ws.id, roundId: rounds[1]!.id });
    const version = await db.rubricVersion.findUniqueOrThrow({ where: { id: pinned.rubricVersionId! } });
    expect(version.rubricId).toBe(original.id);
    expect(kit.rubric.id).toBe(original.id);
    expect(opened.rubric.version).toBe(version.version);
    expect(opened.scorecard.id).toBeTruthy();
    // The kit's timing guide fits the booked round's length.
    const short = await coach.kit.get({ workspaceId: ws.id, roundTypeId: coding.id, minutes: 45 });
    expect(short.timingGuide.reduce((sum, step) => sum + step.minutes, 0)).toBe(45);
  });
});
