// The debrief: each interviewer's verdict as a whole, where every round's scorecard stands, the matrix with its
// disagreements, and the locked decision.
import { describe, expect, it } from "vitest";
import { asJson, type Db } from "@/server/db";
import {
  callerFor,
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  outcome,
  roundHasStarted,
  settleCalibration,
  submitScorecards,
} from "@/test/factories";
import { runDueCohortFits } from "@/server/services/cohort-fit";
import { getDebrief } from "@/server/services/debrief";
import { addInterviewer, bookedLoop, fillAndSubmit } from "@/test/scorecard-fixtures";

describe("debrief cards and tracker", () => {
  it("a card per submitted scorecard (recommendation, summary, red flags by title, submitted when) and a state per round", async () => {
    const ws = await createWorkspaceWithRoles("debrief-cards");
    const { interviewer, owner, coach } = ws.members;
    const { loopId, rounds } = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [
        [0, interviewer],
        [1, owner],
        [2, coach],
      ],
      offsetDays: 4,
    });
    await submitScorecards(ws, [
      {
        roundId: rounds[0]!.id,
        member: interviewer,
        rate: () => 3,
        recommendation: "strong_yes",
        marker: "card-one",
        redFlag: true,
      },
    ]);
    // Round 2 has begun and its interviewer has a draft open; round 3 is still to come; round 4 is not booked.
    await roundHasStarted(rounds[1]!.id);
    await owner.caller.scorecard.open({ workspaceId: ws.id, roundId: rounds[1]!.id });

    const d = await coach.caller.debrief.get({ workspaceId: ws.id, loopId });
    expect(d.tracker.map((t) => t.state)).toEqual(["submitted", "draft", "upcoming", "unbooked"]);
    expect(d.tracker[0]!.submittedAt).toBeInstanceOf(Date);
    expect(d.tracker[0]!.interviewer).toBe(interviewer.actor.name);
    expect(d.columns).toHaveLength(1);
    const [card] = d.columns;
    const flag = await db.rubricRedFlag.findFirstOrThrow({
      where: { workspaceId: ws.id, rubricVersionId: card!.rubricVersionId },
      orderBy: { order: "asc" },
    });
    expect(card).toMatchObject({ recommendation: "strong_yes", summary: "summary card-one", redFlags: [flag.title] });
    expect(card!.submittedAt).toBeInstanceOf(Date);

    // Without a draft, a round that has begun reads "due".
    await db.scorecard.deleteMany({ where: { workspaceId: ws.id, roundId: rounds[1]!.id } });
    expect((await coach.caller.debrief.get({ workspaceId: ws.id, loopId })).tracker[1]!.state).toBe("due");
  });
});

describe("debrief", () => {
  it("shows the matrix with disagreement and a split panel, and records a locked decision", async () => {
    const ws = await createWorkspaceWithRoles("debrief");
    const second = await addInterviewer(ws);
    // Rounds 2 and 3 of this template are both coding rounds, so their signals line up.
    const coding = await bookedLoop(ws, [ws.members.interviewer, ws.members.interviewer, second], "entry-coding-focus");
    await fillAndSubmit(ws.members.interviewer.caller, ws.id, coding.rounds[1]!.id, () => 4, "strong_yes");
    await fillAndSubmit(second.caller, ws.id, coding.rounds[2]!.id, () => 1, "no");
    // Until the background fit has run, the debrief serves raw numbers marked as updating, never a slower page.
    const before = await ws.members.coach.caller.debrief.get({ workspaceId: ws.id, loopId: coding.loopId });
    expect(before.calibration.updating).toBe(true);
    expect(before.matrix.every((r) => r.calibrated === null)).toBe(true);
    expect(before.notes[before.dimensionScores[0]!.notCalibratedNote!]).toMatch(/being updated/);
    // Each reason is sent once and named by index: every uncalibrated row here gives the same one.
    expect(before.notes).toHaveLength(new Set(before.notes).size);
    expect(new Set(before.matrix.map((r) => r.notCalibratedNote))).toEqual(
      new Set([before.dimensionScores[0]!.notCalibratedNote]),
    );
    await settleCalibration(ws);
    const d = await ws.members.coach.caller.debrief.get({ workspaceId: ws.id, loopId: coding.loopId });
    expect(d.calibration.updating).toBe(false);
    expect(d.columns).toHaveLength(2);
    expect(d.splitRecommendation).toBe(true);
    expect(d.disagreements.length).toBeGreaterThan(0);
    expect(d.disagreements[0]).toMatchObject({ min: 1, max: 4 });
    expect(d.pendingScorecards).toBe(2); // the screen (booked) and the behavioral round (not booked)
    expect(d.evidence.length).toBeGreaterThan(0);
    expect(d.coverage.some((c) => c.covered > 0)).toBe(true);
    const rated = d.matrix.find((r) => r.ratings.some((rating) => rating !== null))!;
    expect(rated.ratings).toEqual([4, 1]);
    // The matrix sends what the page draws: rated signals, a rating per column; evidence has its own section.
    expect(d.matrix.every((r) => r.ratings.length === 2 && r.ratings.some((rating) => rating !== null))).toBe(true);
    expect(Object.keys(rated).sort()).toEqual([
      "calibrated",
      "key",
      "notCalibratedNote",
      "ratings",
      "standardError",
      "title",
    ]);
    expect(d.evidence.find((e) => e.signalKey === rated.key)?.items.map((i) => i.rating)).toEqual([4, 1]);
    // Unrated signals still count as gaps in coverage.
    expect(d.coverage.reduce((n, c) => n + c.signals, 0)).toBeGreaterThan(d.matrix.length);
    // Both interviewers rated the same signals of one loop, so the signal has a calibrated score.
    expect(rated.calibrated).toBeGreaterThanOrEqual(1);
    expect(rated.calibrated).toBeLessThanOrEqual(4);

    expect(
      await outcome(
        ws.members.interviewer.caller.debrief.decide({
          workspaceId: ws.id,
          loopId: coding.loopId,
          decision: "ready",
          rationale: "Strong",
          notes: "",
        }),
      ),
    ).toBe("FORBIDDEN");
    await ws.members.coach.caller.debrief.decide({
      workspaceId: ws.id,
      loopId: coding.loopId,
      decision: "not_yet",
      rationale: "Testing gaps in round 3",
      notes: "",
    });
    expect(
      await outcome(
        ws.members.coach.caller.debrief.decide({
          workspaceId: ws.id,
          loopId: coding.loopId,
          decision: "ready",
          rationale: "Changed mind",
          notes: "",
        }),
      ),
    ).toBe("CONFLICT");
    await ws.members.coach.caller.debrief.reopen({
      workspaceId: ws.id,
      loopId: coding.loopId,
      reason: "New evidence from round 4",
    });
    expect(
      await outcome(
        ws.members.coach.caller.debrief.decide({
          workspaceId: ws.id,
          loopId: coding.loopId,
          decision: "ready",
          rationale: "After round 4",
          notes: "",
        }),
      ),
    ).toBe("OK");
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "debrief.reopened" } })).toBe(1);
  });

  it("loads in the same number of queries whatever the number of rounds and scorecards", async () => {
    const ws = await createWorkspaceWithRoles("queries");
    const ivs = [
      ws.members.interviewer,
      await addInterviewer(ws),
      await addInterviewer(ws),
      await addInterviewer(ws),
      await addInterviewer(ws),
      await addInterviewer(ws),
    ];
    const small = await bookedLoop(ws, ivs.slice(0, 2));
    const large = await bookedLoop(ws, ivs);
    for (const [i, r] of small.rounds.slice(0, 2).entries())
      await fillAndSubmit(callerFor(ivs[i]!.actor), ws.id, r.id, () => 3);
    for (const [i, r] of large.rounds.entries())
      await fillAndSubmit(callerFor(ivs[i]!.actor), ws.id, r.id, () => ((i % 4) + 1) as 1 | 2 | 3 | 4);
    await runDueCohortFits(db, { workspaceId: ws.id });
    const count = async (loopId: string) => {
      let queries = 0;
      const counted = db.$extends({
        query: {
          $allOperations: ({ args, query }) => {
            queries++;
            return query(args);
          },
        },
      }) as unknown as Db;
      const scope = {
        workspaceId: ws.id,
        userId: ws.members.coach.actor.userId,
        memberId: ws.members.coach.memberId,
        role: "coach" as const,
      };
      await getDebrief(db, scope, { loopId }); // the published rubric versions are then in memory
      const d = await getDebrief(counted, scope, { loopId });
      return { queries, columns: d.columns.length };
    };
    const a = await count(small.loopId);
    const b = await count(large.loopId);
    expect(a.columns).toBe(2);
    expect(b.columns).toBe(6);
    expect(b.queries).toBe(a.queries);
    // One statement: loop, rounds, scorecards, drafts, decision, dimensions, stored scores, estimates, names.
    expect(a.queries).toBe(1);
  });
});

describe("debrief read", () => {
  it("keeps to the workspace by its own filters: another workspace's rows naming this loop change nothing", async () => {
    const a = await createWorkspaceWithRoles("debrief-own");
    const b = await createWorkspaceWithRoles("debrief-other");
    // Rounds 2 and 3 are both coding rounds: two interviewers rate the same signals, so both are calibrated.
    const { loopId, rounds } = await createBookedLoop(a, {
      template: "entry-coding-focus",
      bookings: [
        [1, a.members.interviewer],
        [2, a.members.owner],
        [0, a.members.coach],
      ],
      offsetDays: 4,
    });
    const [cardId] = await submitScorecards(a, [
      { roundId: rounds[1]!.id, member: a.members.interviewer, rate: () => 4 },
      { roundId: rounds[2]!.id, member: a.members.owner, rate: () => 2 },
    ]);
    await roundHasStarted(rounds[0]!.id);
    const scope = (ws: typeof a) => ({
      workspaceId: ws.id,
      userId: ws.members.coach.actor.userId,
      memberId: ws.members.coach.memberId,
      role: "coach" as const,
    });
    // Straight on the client, outside a tenant transaction: row-level security does not filter here.
    const before = await getDebrief(db, scope(a), { loopId });
    expect(before.columns).toHaveLength(2);
    expect(before.tracker[0]!.state).toBe("due");
    expect(before.decision).toBeNull();
    expect(before.columns[0]!.severity).not.toBeNull();
    expect(before.overall?.calibrated).not.toBeNull();

    // Workspace B holds rows that name A's loop, rounds and fit (its seeded dimensions share A's keys; renamed).
    const card = await db.scorecard.findUniqueOrThrow({ where: { id: cardId! } });
    const fit = await db.cohortFit.findUniqueOrThrow({ where: { workspaceId: a.id } });
    const { id: _r, ...round } = await db.round.findUniqueOrThrow({ where: { id: rounds[3]!.id } });
    await db.round.create({ data: { ...round, workspaceId: b.id, order: 9, icsUid: `planted-${loopId}` } });
    const { id: _c, ...planted } = { ...card, ratings: asJson(card.ratings) };
    await db.scorecard.create({
      data: { ...planted, workspaceId: b.id, interviewerMemberId: b.members.interviewer.memberId, summary: "PLANTED" },
    });
    await db.scorecard.create({
      data: {
        ...planted,
        workspaceId: b.id,
        roundId: rounds[0]!.id,
        interviewerMemberId: b.members.owner.memberId,
        status: "draft",
        submittedAt: null,
      },
    });
    await db.debrief.create({ data: { workspaceId: b.id, loopId, decision: "ready", rationale: "PLANTED" } });
    await db.dimension.updateMany({ where: { workspaceId: b.id }, data: { name: "PLANTED" } });
    const stored = await db.cohortLoopScore.findFirstOrThrow({ where: { workspaceId: a.id, loopId } });
    await db.cohortLoopScore.create({
      data: { workspaceId: b.id, fitId: fit.fitId!, loopId, scores: stored.scores as object },
    });
    const estimate = await db.cohortInterviewer.findFirstOrThrow({
      where: { workspaceId: a.id, memberId: a.members.interviewer.memberId },
    });
    await db.cohortInterviewer.create({
      data: {
        workspaceId: b.id,
        fitId: fit.fitId!,
        memberId: a.members.interviewer.memberId,
        estimate: { ...(estimate.estimate as object), severity: 9 },
      },
    });

    const after = await getDebrief(db, scope(a), { loopId });
    expect(JSON.stringify(after)).not.toMatch(/PLANTED/);
    expect(after).toEqual(before);
    // And B's coach cannot read A's loop through its own workspace.
    expect(await outcome(getDebrief(db, scope(b), { loopId }))).toBe("NOT_FOUND");
  });
});

describe("debrief scores kept in memory", () => {
  it("after a revision and the recalculation, the debrief shows the new fit's numbers, as the cohort view does", async () => {
    const ws = await createWorkspaceWithRoles("debrief-kept");
    const second = await addInterviewer(ws);
    const coding = await bookedLoop(ws, [ws.members.interviewer, ws.members.interviewer, second], "entry-coding-focus");
    await fillAndSubmit(ws.members.interviewer.caller, ws.id, coding.rounds[1]!.id, (i) => (i % 2 ? 4 : 3));
    await fillAndSubmit(second.caller, ws.id, coding.rounds[2]!.id, () => 2);
    await settleCalibration(ws);
    const coach = ws.members.coach.caller;
    const numbers = (d: Awaited<ReturnType<typeof coach.debrief.get>>) => ({
      overall: [d.overall!.calibrated, d.overall!.standardError],
      dimensions: d.dimensionScores.map((s) => [s.dimensionKey, s.calibrated, s.standardError]),
      signals: d.matrix.map((r) => [r.key, r.calibrated, r.standardError]),
    });
    const first = await coach.debrief.get({ workspaceId: ws.id, loopId: coding.loopId });
    expect(first.overall!.calibrated).not.toBeNull();
    expect(numbers(await coach.debrief.get({ workspaceId: ws.id, loopId: coding.loopId }))).toEqual(numbers(first));

    const opened = await second.caller.scorecard.open({ workspaceId: ws.id, roundId: coding.rounds[2]!.id });
    await second.caller.scorecard.revise({
      workspaceId: ws.id,
      roundId: coding.rounds[2]!.id,
      expectedVersion: opened.scorecard.version,
      reason: "Rated the wrong candidate",
      ratings: Object.fromEntries(opened.rubric.signals.map((s) => [s.key, { rating: 4 as const, evidence: "again" }])),
      redFlagKeys: [],
      recommendation: "strong_yes",
      summary: "Revised",
    });
    await settleCalibration(ws);
    const after = await coach.debrief.get({ workspaceId: ws.id, loopId: coding.loopId });
    expect(after.calibration.updating).toBe(false);
    // Read on the transaction's own connection: its times are those Prisma reads (UTC), whatever the zone.
    const fit = await db.cohortFit.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(after.calibration.fittedAt).toEqual(fit.fittedAt);
    expect(after.overall!.calibrated).not.toBe(first.overall!.calibrated);
    const row = (await coach.calibration.cohortPage({ workspaceId: ws.id })).items.find(
      (c) => c.loopId === coding.loopId,
    )!;
    expect(after.overall!.calibrated).toBeCloseTo(row.calibrated!, 9);
    for (const d of after.dimensionScores)
      expect(d.calibrated).toBeCloseTo(row.byDimension[d.dimensionKey]!.calibrated!, 9);
  });

  it("an interviewer of the kept fit who submits later is shown with their leniency in that fit", async () => {
    const ws = await createWorkspaceWithRoles("debrief-kept-estimates");
    const second = await addInterviewer(ws);
    const first = ws.members.interviewer;
    // Both rate loop A, so the fit has an estimate for each; on loop B only the first has submitted.
    const a = await bookedLoop(ws, [first, first, second], "entry-coding-focus");
    await fillAndSubmit(first.caller, ws.id, a.rounds[1]!.id, (i) => (i % 2 ? 4 : 3));
    await fillAndSubmit(second.caller, ws.id, a.rounds[2]!.id, () => 2);
    const b = await bookedLoop(ws, [first, first, second], "entry-coding-focus");
    await fillAndSubmit(first.caller, ws.id, b.rounds[1]!.id, () => 3);
    await settleCalibration(ws);
    const coach = ws.members.coach.caller;
    const view = () => coach.debrief.get({ workspaceId: ws.id, loopId: b.loopId });
    expect((await view()).columns).toHaveLength(1); // the fit's rows for loop B are now kept

    // The second interviewer submits on B (not observed on the first signal): the fit is the same until the worker runs.
    await fillAndSubmit(second.caller, ws.id, b.rounds[2]!.id, (i) => (i === 0 ? "not_observed" : 1));
    const d = await view();
    expect(d.calibration.updating).toBe(true);
    const fit = await db.cohortFit.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    const stored = await db.cohortInterviewer.findUniqueOrThrow({
      where: { workspaceId_fitId_memberId: { workspaceId: ws.id, fitId: fit.fitId!, memberId: second.memberId } },
    });
    const severity = (stored.estimate as { severity: number | null }).severity;
    expect(severity).not.toBeNull();
    const column = d.columns.findIndex((c) => c.interviewer === second.actor.name);
    expect(column).toBe(1);
    expect(d.columns[column]!.severity).toBe(severity);
    // The page's cells: a number, "not_observed", or null, one per column.
    expect(d.matrix[0]!.ratings).toEqual([3, "not_observed"]);
    expect(d.matrix.slice(1).every((r) => r.ratings[1] === 1)).toBe(true);
  });
});
