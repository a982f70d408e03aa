// The analytics figures against values worked out by hand on a fixed fixture, and the bounded work: the
// number of statements does not grow with the number of loops.
import { describe, expect, it } from "vitest";
import {
  addMember,
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  settleCalibration,
  submitScorecards,
  type Member,
  type TestWorkspace,
} from "@/test/factories";
import { sqlStatements } from "@/test/statements";
import { getAnalytics } from "./analytics";
import { loadCohort } from "./cohort";

/** The service's clock: a Tuesday. The workspace is in New York; "30d" is 2026-06-01 … 2026-06-30 there. */
const NOW = new Date("2026-06-30T12:00:00.000Z");
const at = (iso: string) => new Date(`${iso}Z`);

async function moveRound(roundId: string, start: string) {
  const startsAt = at(start);
  await db.round.update({
    where: { id: roundId },
    data: { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
  });
}
async function submittedAt(roundId: string, when: string) {
  await db.scorecard.updateMany({ where: { roundId }, data: { submittedAt: at(when) } });
}
const rate = (low: number[]) => (i: number) => (low.includes(i) ? 2 : 3);

async function cancelSides(ws: TestWorkspace, rounds: { id: string }[]) {
  for (const i of [0, 3])
    await ws.members.coach.caller.schedule.cancelRound({
      workspaceId: ws.id,
      roundId: rounds[i]!.id,
      reason: "Not needed",
    });
}

/**
 * Four loops of one candidate ("entry-coding-focus": 0 screen, 1 coding, 2 coding, 3 behavioral); I1 is the
 * workspace's interviewer (weekly cap 2), I2 another one (no cap).
 *   D  created 04-01: 1 → I2, submitted (outside the period: only its stored scores are used, as the loop before A)
 *   A  created 06-05: 0 and 3 cancelled; 1 → I1 06-10 09:00 UTC, submitted 2 h after its end;
 *                     2 → I2 06-11 09:00, submitted 10 h after; decided (not yet), report released
 *   B  created 06-08: 0 and 3 cancelled; 1 → I1 moved once, then 06-12 09:00, submitted 30 h after;
 *                     2 → I2 06-15 09:00, never submitted
 *   C  created 06-09, entry level: 1 → I1 06-16 09:00, never submitted; rounds 0, 2, 3 never booked
 */
async function fixture() {
  const ws = await createWorkspaceWithRoles("analytics");
  await db.workspace.update({ where: { id: ws.id }, data: { timeZone: "America/New_York" } });
  const i1 = ws.members.interviewer;
  const i2: Member = await addMember(ws, "interviewer", "i2");
  await db.schedulingProfile.create({
    data: { workspaceId: ws.id, memberId: i1.memberId, roundTypeKeys: [], weeklyCap: 2, weekly: [], exceptions: [] },
  });
  const template = "entry-coding-focus";
  const d = await createBookedLoop(ws, { template, bookings: [[1, i2]], offsetDays: 7 });
  const a = await createBookedLoop(ws, {
    template,
    bookings: [
      [1, i1],
      [2, i2],
    ],
    offsetDays: 9,
  });
  const b = await createBookedLoop(ws, {
    template,
    bookings: [
      [1, i1],
      [2, i2],
    ],
    offsetDays: 11,
  });
  const c = await createBookedLoop(ws, { template, bookings: [[1, i1]], offsetDays: 13, level: "entry" });
  await cancelSides(ws, a.rounds);
  await cancelSides(ws, b.rounds);
  const b1 = await db.round.findUniqueOrThrow({ where: { id: b.rounds[1]!.id } });
  await ws.members.coach.caller.schedule.book({
    workspaceId: ws.id,
    loopId: b.loopId,
    bookings: [
      { roundId: b1.id, interviewerMemberId: i1.memberId, startsAt: new Date(b1.startsAt!.getTime() + 86_400_000) },
    ],
  });
  await submitScorecards(ws, [
    { roundId: d.rounds[1]!.id, member: i2, rate: rate([]) },
    // Loop A's coding signals, I1 then I2: signal 0 is (3, 2), signal 1 (2, 2), signals 2-7 (3, 3).
    { roundId: a.rounds[1]!.id, member: i1, rate: rate([1]) },
    { roundId: a.rounds[2]!.id, member: i2, rate: rate([0, 1]) },
    { roundId: b.rounds[1]!.id, member: i1, rate: rate([4]) },
  ]);
  await decideLoop(ws, a.loopId);
  await ws.members.coach.caller.report.openDraft({ workspaceId: ws.id, loopId: a.loopId });
  await ws.members.coach.caller.report.release({ workspaceId: ws.id, loopId: a.loopId });

  // The clock of the fixture: creation, rounds, submissions and the audit log's moves and cancellations.
  for (const [loop, created] of [
    [d, "2026-04-01T10:00:00"],
    [a, "2026-06-05T10:00:00"],
    [b, "2026-06-08T10:00:00"],
    [c, "2026-06-09T10:00:00"],
  ] as const)
    await db.loop.update({ where: { id: loop.loopId }, data: { createdAt: at(created) } });
  await moveRound(d.rounds[1]!.id, "2026-04-02T09:00:00");
  await submittedAt(d.rounds[1]!.id, "2026-04-02T11:00:00");
  await moveRound(a.rounds[1]!.id, "2026-06-10T09:00:00");
  await submittedAt(a.rounds[1]!.id, "2026-06-10T12:00:00");
  await moveRound(a.rounds[2]!.id, "2026-06-11T09:00:00");
  await submittedAt(a.rounds[2]!.id, "2026-06-11T20:00:00");
  await moveRound(b.rounds[1]!.id, "2026-06-12T09:00:00");
  await submittedAt(b.rounds[1]!.id, "2026-06-13T16:00:00");
  await moveRound(b.rounds[2]!.id, "2026-06-15T09:00:00");
  await moveRound(c.rounds[1]!.id, "2026-06-16T09:00:00");
  const cancels = await db.auditEvent.findMany({
    where: { workspaceId: ws.id, action: "round.cancelled" },
    orderBy: { createdAt: "asc" },
  });
  expect(cancels).toHaveLength(4);
  // The last one is Monday 02:00 UTC, still Sunday evening (week of 06-08) in New York.
  const cancelTimes = ["2026-06-09T10:00:00", "2026-06-09T11:00:00", "2026-06-10T10:00:00", "2026-06-15T02:00:00"];
  for (const [i, e] of cancels.entries())
    await db.auditEvent.update({ where: { id: e.id }, data: { createdAt: at(cancelTimes[i]!) } });
  await db.auditEvent.updateMany({
    where: { workspaceId: ws.id, action: "round.rescheduled" },
    data: { createdAt: at("2026-06-16T10:00:00") },
  });

  // Stored calibrated scores of the current fit, set by hand (the fit itself is tested elsewhere).
  await settleCalibration(ws, NOW);
  const cohort = await loadCohort(db, ws.id, NOW);
  expect(cohort.fitId).not.toBeNull();
  const score = (kind: string, key: string | null, raw: number, calibrated: number | null, se: number | null) => ({
    kind,
    key,
    raw,
    calibrated,
    standardError: se,
    ratings: 8,
    interviewers: 2,
    notCalibratedReason: calibrated === null ? "thin" : null,
  });
  const stored = {
    [d.loopId]: [
      score("overall", null, 2.2, 2.1, 0.2),
      score("group", "coding", 2, 2.0, 0.3),
      score("group", "communication", 2.5, 2.5, 0.2),
    ],
    [a.loopId]: [
      score("overall", null, 3.0, 2.8, 0.2),
      score("group", "coding", 2.6, 2.5, 0.4),
      score("group", "communication", 3, 3.0, 0.2),
    ],
    [b.loopId]: [
      score("overall", null, 2.9, 3.1, 0.2),
      score("group", "coding", 3, 3.1, 0.3),
      score("group", "communication", 3, null, null),
    ],
  };
  for (const [loopId, scores] of Object.entries(stored))
    await db.$executeRaw`INSERT INTO "cohort_loop_scores" ("workspaceId", "fitId", "loopId", "scores")
      VALUES (${ws.id}, ${cohort.fitId}, ${loopId}, ${JSON.stringify(scores)}::jsonb)
      ON CONFLICT ("workspaceId", "fitId", "loopId") DO UPDATE SET "scores" = EXCLUDED."scores"`;
  return { ws, i1, i2, loops: { a, b, c, d } };
}

const scopeOf = (ws: TestWorkspace) => ({
  workspaceId: ws.id,
  userId: ws.members.coach.actor.userId,
  memberId: ws.members.coach.memberId,
  role: "coach" as const,
});

describe("analytics", () => {
  it("matches the figures worked out by hand", async () => {
    const { ws, i1, i2 } = await fixture();
    const r = await getAnalytics(db, scopeOf(ws), { period: "30d" }, NOW);
    expect(r.period).toMatchObject({ from: "2026-06-01", to: "2026-06-30", zone: "America/New_York", weeks: 5 });

    // 1. Rounds ended in the period: A1 (2 h), A2 (10 h), B1 (30 h), B2 and C1 (none; both over 24 h: overdue).
    //    Median of 2, 10, 30 = 10; p90 = 10 + 0.8 × (30 − 10) = 26 (position 0.9 × 2 = 1.8). Rate 3 / 5.
    expect(r.submissions.overall).toEqual({
      ended: 5,
      submitted: 3,
      submissionRate: 0.6,
      overdue: 2,
      medianHours: 10,
      p90Hours: expect.closeTo(26, 9),
    });
    // I1: 2 h and 30 h → median 16, p90 2 + 0.9 × 28 = 27.2; C1 overdue. I2: 10 h; B2 overdue.
    const byName = Object.fromEntries(r.submissions.byInterviewer.map((x) => [x.memberId, x]));
    expect(byName[i1.memberId]).toMatchObject({ ended: 3, submitted: 2, overdue: 1, medianHours: 16 });
    expect(byName[i1.memberId]!.p90Hours).toBeCloseTo(27.2, 9);
    expect(byName[i2.memberId]).toMatchObject({ ended: 2, submitted: 1, overdue: 1, medianHours: 10, p90Hours: 10 });

    // 2. Created in the period: A (completed, not yet), B (scheduled), C (scheduling); D is older.
    expect(Object.fromEntries(r.statuses.map((s) => [s.status, s.loops]))).toEqual({
      draft: 0,
      scheduling: 1,
      scheduled: 1,
      in_progress: 0,
      debrief: 0,
      completed: 1,
      cancelled: 0,
    });
    expect(r.statuses.find((s) => s.status === "in_progress")?.label).toBe("In progress");
    expect(r.outcomes.map((o) => [o.label, o.loops])).toEqual([
      ["Ready", 0],
      ["Not yet", 1],
      ["Needs another loop", 0],
      ["No decision yet", 2],
    ]);

    // 3. 3 created; A and B have every counted round booked (C has 1 of 4); only A has every scorecard, a
    //    decision and a released report.
    expect(r.stages.map((s) => [s.stage, s.loops])).toEqual([
      ["created", 3],
      ["scheduled", 2],
      ["scorecards_in", 1],
      ["debriefed", 1],
      ["released", 1],
    ]);
    expect(r.stages[1]!.ofCreated).toBeCloseTo(2 / 3, 12);
    expect(r.stages[2]!.ofPrevious).toBe(0.5);

    // 4. Coding: D→A 2.5 − 2.0 = 0.5, A→B 3.1 − 2.5 = 0.6; mean 0.55, sd √((0.05² + 0.05²) / 1) = 0.0707,
    //    se 0.0707 / √2 = 0.05, interval 0.55 ± 0.1. Communication: D→A 3.0 − 2.5 = 0.5 only (B is not
    //    calibrated on it); se √(0.2² + 0.2²) = 0.2828, interval 0.5 ± 0.5657.
    const coding = r.improvement.find((x) => x.dimension === "coding")!;
    expect(coding.pairs).toBe(2);
    expect(coding.mean).toBeCloseTo(0.55, 9);
    expect(coding.standardError).toBeCloseTo(0.05, 9);
    expect([coding.low, coding.high].map((x) => Number(x!.toFixed(9)))).toEqual([0.45, 0.65]);
    const communication = r.improvement.find((x) => x.dimension === "communication")!;
    expect(communication).toMatchObject({ pairs: 1, mean: expect.closeTo(0.5, 9) });
    expect(communication.standardError).toBeCloseTo(Math.SQRT2 * 0.2, 9);
    expect(communication.low).toBeCloseTo(0.5 - 0.565685425, 8);

    // 5. Weeks from Monday 06-08 and 06-15: I1 has A1 and B1, then C1 (cap 2: one week at it, none over,
    //    3 rounds / 5 weeks = 0.6 a week); I2 has A2, then B2 (no cap).
    const load = Object.fromEntries(r.load.map((x) => [x.memberId, x]));
    expect(load[i1.memberId]).toMatchObject({
      weeklyCap: 2,
      rounds: 3,
      busiestWeek: 2,
      perWeek: 0.6,
      weeksAtCap: 1,
      weeksOverCap: 0,
      weeks: [
        { week: "2026-06-08", rounds: 2 },
        { week: "2026-06-15", rounds: 1 },
      ],
    });
    expect(load[i2.memberId]).toMatchObject({ weeklyCap: null, rounds: 2, busiestWeek: 1, weeksAtCap: null });

    // 6. Four cancellations in the week of 06-08 (the last on Sunday evening in New York); one move on 06-16.
    expect(r.moves).toEqual([
      { week: "2026-06-08", rescheduled: 0, cancelled: 4 },
      { week: "2026-06-15", rescheduled: 1, cancelled: 0 },
    ]);

    // 7. Units with two ratings are loop A's 8 coding-round signals (its last rating on 06-11).
    //    n₂ = 3, n₃ = 13, n = 16; ordinal δ²₂₃ = (16 − 16 / 2)² = 64; observed Σ o δ² = 2 × 64 = 128;
    //    expected Σ n_c n_k δ² = 2 × 3 × 13 × 64 = 4992; α = 1 − 15 × 128 / 4992 = 8 / 13.
    expect(r.agreement.units).toBe(8);
    expect(r.agreement.months).toEqual([{ month: "2026-06-01", alpha: expect.closeTo(8 / 13, 12), units: 8 }]);
    expect(r.agreement.overall).toBeCloseTo(8 / 13, 12);
    // Drift in June: A 3.0 − 2.8 = 0.2, B 2.9 − 3.1 = −0.2; mean 0, sd 0.2828, se 0.2828 / √2 = 0.2.
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]).toMatchObject({ month: "2026-06-01", loops: 2, mean: expect.closeTo(0, 12) });
    expect(r.drift[0]!.standardError).toBeCloseTo(0.2, 12);

    // Filters: I2's rounds only; entry-level loops only (C).
    const onlyI2 = await getAnalytics(db, scopeOf(ws), { period: "30d", interviewerMemberId: i2.memberId }, NOW);
    expect(onlyI2.submissions.overall).toMatchObject({ ended: 2, submitted: 1, overdue: 1, medianHours: 10 });
    expect(onlyI2.load.map((x) => x.memberId)).toEqual([i2.memberId]);
    const entry = await getAnalytics(db, scopeOf(ws), { period: "30d", level: "entry" }, NOW);
    expect(entry.stages[0]!.loops).toBe(1);
    expect(entry.statuses.find((s) => s.status === "scheduling")!.loops).toBe(1);
    expect(entry.submissions.overall).toMatchObject({ ended: 1, submitted: 0, overdue: 1 });
    // A custom period of April holds D alone.
    const april = await getAnalytics(db, scopeOf(ws), { period: "custom", from: "2026-04-01", to: "2026-04-30" }, NOW);
    expect(april.stages[0]!.loops).toBe(1);
    expect(april.submissions.overall).toMatchObject({ ended: 1, submitted: 1, medianHours: 1 });
  });

  it("sends the same number of statements for 3 loops as for 30", async () => {
    const ws = await createWorkspaceWithRoles("analytics-count");
    const coach = ws.members.coach.caller;
    const iv = ws.members.interviewer;
    const make = async (n: number, from: number) => {
      for (let i = 0; i < n; i++) {
        const loop = await createBookedLoop(ws, {
          template: "entry-coding-focus",
          bookings: [[1, iv]],
          offsetDays: 7 + from + i,
        });
        if (i % 3 === 0) await submitScorecards(ws, [{ roundId: loop.rounds[1]!.id, member: iv, rate: rate([i % 8]) }]);
      }
    };
    const count = async () =>
      (await sqlStatements(() => coach.analytics.get({ workspaceId: ws.id, period: "365d" }))).length;
    await make(3, 0);
    const three = await count();
    await make(27, 3);
    const thirty = await count();
    expect((await coach.analytics.get({ workspaceId: ws.id, period: "365d" })).stages[0]!.loops).toBe(30);
    expect(thirty).toBe(three);
    // The membership check, the transaction and its settings, then the service's 12 reads.
    expect(three).toBeLessThanOrEqual(18);
  });
});
