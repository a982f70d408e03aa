// Calibration off the request path: the trigger marks a workspace's ratings as changed in the writing
// transaction, the worker refits in the background, requests only read the stored fit (a stale one is
// served marked as updating), and a release waits for a fit of every submitted scorecard.
import { describe, expect, it } from "vitest";
import {
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  outcome,
  settleCalibration,
  submitScorecards,
  type TestWorkspace,
} from "@/test/factories";
import { runDueCohortFits } from "./cohort-fit";

const state = (ws: TestWorkspace) => db.cohortFit.findUniqueOrThrow({ where: { workspaceId: ws.id } });

async function codingLoop(ws: TestWorkspace) {
  const { interviewer, owner } = ws.members;
  const loop = await createBookedLoop(ws, {
    template: "entry-coding-focus",
    bookings: [
      [1, interviewer],
      [2, owner],
    ],
  });
  await submitScorecards(ws, [
    { roundId: loop.rounds[1]!.id, member: interviewer, rate: (j) => (((j + 1) % 4) + 1) as 1 | 2 | 3 | 4 },
    { roundId: loop.rounds[2]!.id, member: owner, rate: (j) => ((j % 4) + 1) as 1 | 2 | 3 | 4 },
  ]);
  return loop;
}

describe("stored cohort fit", () => {
  it("a submit or revise bumps the ratings version in its own transaction; a draft autosave does not", async () => {
    const ws = await createWorkspaceWithRoles("fit-version");
    expect(await db.cohortFit.findUnique({ where: { workspaceId: ws.id } })).toBeNull();
    const loop = await codingLoop(ws);
    const fitted = await state(ws);
    expect(fitted.ratingsVersion).toBe(2);
    expect(fitted.fittedVersion).toBe(2);
    expect(fitted.fitId).not.toBeNull();

    // A draft on another loop: its autosaves leave the version alone.
    const iv = ws.members.interviewer.caller;
    const other = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[1, ws.members.interviewer]],
      offsetDays: 5,
    });
    const opened = await iv.scorecard.open({ workspaceId: ws.id, roundId: other.rounds[1]!.id });
    const firstKey = opened.rubric.signals[0]!.key;
    await iv.scorecard.save({
      workspaceId: ws.id,
      roundId: other.rounds[1]!.id,
      expectedVersion: opened.scorecard.version,
      ratings: { [firstKey]: { rating: 3, evidence: "draft" } },
      redFlagKeys: [],
      recommendation: null,
      summary: "draft",
    });
    expect((await state(ws)).ratingsVersion).toBe(2);

    const mine = await iv.scorecard.open({ workspaceId: ws.id, roundId: loop.rounds[1]!.id });
    const ratings = Object.fromEntries(
      mine.rubric.signals.map((s) => [s.key, { rating: 4 as const, evidence: "seen again" }]),
    );
    await iv.scorecard.revise({
      workspaceId: ws.id,
      roundId: loop.rounds[1]!.id,
      expectedVersion: mine.scorecard.version,
      reason: "Wrong candidate",
      ratings,
      redFlagKeys: [],
      recommendation: "strong_yes",
      summary: "Revised",
    });
    const after = await state(ws);
    expect(after.ratingsVersion).toBe(3);
    expect(after.fittedVersion).toBe(2);
  });

  it("a stale fit is served marked as updating until the worker swaps in the new one; only two fits are kept", async () => {
    const ws = await createWorkspaceWithRoles("fit-stale");
    const loop = await codingLoop(ws);
    const coach = ws.members.coach.caller;
    const first = await coach.debrief.get({ workspaceId: ws.id, loopId: loop.loopId });
    expect(first.calibration.updating).toBe(false);
    const firstOverall = first.overall!.calibrated;
    expect(firstOverall).not.toBeNull();

    const iv = ws.members.interviewer.caller;
    const mine = await iv.scorecard.open({ workspaceId: ws.id, roundId: loop.rounds[1]!.id });
    const ratings = Object.fromEntries(
      mine.rubric.signals.map((s) => [s.key, { rating: 1 as const, evidence: "lower after all" }]),
    );
    await iv.scorecard.revise({
      workspaceId: ws.id,
      roundId: loop.rounds[1]!.id,
      expectedVersion: mine.scorecard.version,
      reason: "Notes mixed up",
      ratings,
      redFlagKeys: [],
      recommendation: "no",
      summary: "Revised",
    });

    const stale = await coach.debrief.get({ workspaceId: ws.id, loopId: loop.loopId });
    expect(stale.calibration.updating).toBe(true);
    expect(stale.overall!.calibrated).toBe(firstOverall); // the last result, not a fit in the request
    expect(stale.matrix.some((r) => r.ratings.includes(1))).toBe(true); // the scorecards themselves are current

    await settleCalibration(ws);
    const fresh = await coach.debrief.get({ workspaceId: ws.id, loopId: loop.loopId });
    expect(fresh.calibration.updating).toBe(false);
    expect(fresh.overall!.calibrated!).toBeLessThan(firstOverall!);

    // Third fit (the window moves on a day): rows of the first fit are gone, the previous one is kept.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now: tomorrow })).fitted).toEqual([ws.id]);
    const row = await state(ws);
    const kept = await db.cohortLoopScore.findMany({
      where: { workspaceId: ws.id },
      select: { fitId: true },
      distinct: ["fitId"],
    });
    expect(kept.map((k) => k.fitId).sort()).toEqual([row.fitId, row.previousFitId].sort());
    // Nothing is due once every fit is current.
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now: tomorrow })).fitted).toEqual([]);
  });

  it("a release waits for a fit of every submitted scorecard, with the reason", async () => {
    const ws = await createWorkspaceWithRoles("fit-release");
    const loop = await codingLoop(ws);
    await decideLoop(ws, loop.loopId);
    const coach = ws.members.coach.caller;
    await coach.report.openDraft({ workspaceId: ws.id, loopId: loop.loopId });
    // Another loop's scorecard arrives: interviewer severities (and so this loop's numbers) will move.
    await db.cohortFit.update({ where: { workspaceId: ws.id }, data: { ratingsVersion: { increment: 1 } } });
    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId: loop.loopId });
    expect(draft.calibrationUpdating).toBe(true);
    await expect(coach.report.release({ workspaceId: ws.id, loopId: loop.loopId })).rejects.toThrow(
      /being recalculated/,
    );
    expect(await db.feedbackReportVersion.count({ where: { workspaceId: ws.id } })).toBe(0);
    await settleCalibration(ws);
    expect(await outcome(coach.report.release({ workspaceId: ws.id, loopId: loop.loopId }))).toBe("OK");
  });

  it("workers share the work: a live claim is left alone, an expired one is taken over, a failure is retried later", async () => {
    const ws = await createWorkspaceWithRoles("fit-claims");
    await codingLoop(ws);
    const now = new Date();
    await db.cohortFit.update({
      where: { workspaceId: ws.id },
      data: { ratingsVersion: { increment: 1 }, claimedUntil: new Date(now.getTime() + 60_000) },
    });
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now })).fitted).toEqual([]);
    await db.cohortFit.update({ where: { workspaceId: ws.id }, data: { claimedUntil: new Date(now.getTime() - 1) } });
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now })).fitted).toEqual([ws.id]);

    // A fit that throws (a scorecard rating outside the scale, written around the services) is not
    // dropped: the error is kept and the workspace retried after a backoff.
    const card = await db.scorecard.findFirstOrThrow({ where: { workspaceId: ws.id, status: "submitted" } });
    const broken = Object.fromEntries(
      Object.entries(card.ratings as Record<string, { rating: unknown }>).map(([k, v]) => [k, { ...v, rating: 7 }]),
    );
    await db.scorecard.update({ where: { id: card.id }, data: { ratings: broken } });
    const failed = await runDueCohortFits(db, { workspaceId: ws.id, now });
    expect(failed.failed).toEqual([ws.id]);
    const row = await state(ws);
    expect(row.lastError).toMatch(/1.*4|rating/i);
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(now.getTime());
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now })).failed).toEqual([]); // not before the backoff
    await db.scorecard.update({ where: { id: card.id }, data: { ratings: card.ratings ?? {} } });
    expect((await runDueCohortFits(db, { workspaceId: ws.id, now: row.nextAttemptAt! })).fitted).toEqual([ws.id]);
    expect((await state(ws)).lastError).toBeNull();
  });
});
