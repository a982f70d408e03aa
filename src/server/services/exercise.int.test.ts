// Calibration exercises through the API: blind until one's own attempt, the comparison on a fixed case,
// pass/fail by the coach's tolerance, recurrence and drift-triggered suggestion, privacy between
// interviewers, and exercisePassed for training paths.
import { describe, expect, it } from "vitest";
import { addMember, createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";
import { exercisePassed } from "./exercise";

const REASONS = ["reason-clarify-7f3a", "reason-complexity-91bc", "reason-tests-4d2e"];

/** An exercise on the coding round type's first three published signals, reference 3, 2, 4. */
async function publish(ws: TestWorkspace, extra: { recurDays?: number | null; driftThreshold?: number | null } = {}) {
  const roundType = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
  const version = await db.rubricVersion.findFirstOrThrow({
    where: { workspaceId: ws.id, status: "published", rubric: { roundTypeId: roundType.id } },
    include: { signals: { orderBy: { order: "asc" }, take: 3 } },
  });
  const keys = version.signals.map((s) => s.key);
  const refs = [3, 2, 4] as const;
  const { id } = await ws.members.coach.caller.exercise.create({
    workspaceId: ws.id,
    roundTypeId: roundType.id,
    title: "Rate-limiter answer",
    prompt: "Design an in-memory rate limiter.",
    transcript: "The candidate asked about burst size, then wrote a sliding window with a deque... ".repeat(3),
    links: [{ label: "Code", url: "https://example.test/code" }],
    reference: Object.fromEntries(keys.map((k, i) => [k, { rating: refs[i]!, reason: REASONS[i]! }])),
    maxMeanDifference: 0.5,
    failAtDifference: 2,
    recurDays: extra.recurDays ?? null,
    driftThreshold: extra.driftThreshold ?? null,
  });
  return { id, keys, roundTypeId: roundType.id };
}

const rate = (keys: string[], values: (1 | 2 | 3 | 4)[]) =>
  Object.fromEntries(keys.map((k, i) => [k, { rating: values[i]!, evidence: `seen ${i}` }]));

/** A stored cohort fit in which `memberId` has the given severity. */
async function storeSeverity(ws: TestWorkspace, memberId: string, severity: number) {
  const fitId = `test-${Math.random().toString(36).slice(2)}`;
  await db.cohortFit.upsert({
    where: { workspaceId: ws.id },
    create: {
      workspaceId: ws.id,
      fitId,
      fittedVersion: 0,
      since: new Date(Date.now() - 86_400_000),
      fittedAt: new Date(),
    },
    update: {
      fitId,
      fittedVersion: 0,
      ratingsVersion: 0,
      since: new Date(Date.now() - 86_400_000),
      fittedAt: new Date(),
    },
  });
  await db.cohortInterviewer.create({
    data: {
      workspaceId: ws.id,
      fitId,
      memberId,
      estimate: {
        interviewerId: memberId,
        identifiable: true,
        severity,
        standardError: 0.1,
        gain: 1.2,
        gainStandardError: 0.05,
        spread: 0.4,
        ratings: 40,
        scorecards: 8,
        notCalibratedReason: null,
        dimensions: [
          {
            dimensionKey: "coding",
            severity: severity / 2,
            standardError: 0.2,
            gain: 0.9,
            gainStandardError: 0.2,
            ratings: 20,
            notCalibratedReason: null,
          },
        ],
      },
    },
  });
}

describe("calibration exercises", () => {
  it("never returns the reference before the interviewer's own attempt", async () => {
    const ws = await createWorkspaceWithRoles("ex-blind");
    const { id, keys } = await publish(ws);
    const { interviewer } = ws.members;
    const list = await interviewer.caller.exercise.list({ workspaceId: ws.id });
    const before = await interviewer.caller.exercise.get({ workspaceId: ws.id, exerciseId: id });
    expect(list.exercises.map((e) => [e.id, e.state, e.mayAttempt])).toEqual([[id, "new", true]]);
    expect(before.result).toBeNull();
    expect(before.signals.map((s) => s.key)).toEqual(keys);
    for (const answer of [list, before])
      for (const reason of REASONS) expect(JSON.stringify(answer)).not.toContain(reason);
    expect(await outcome(interviewer.caller.exercise.review({ workspaceId: ws.id, exerciseId: id }))).toBe("FORBIDDEN");

    await interviewer.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) });
    const after = await interviewer.caller.exercise.get({ workspaceId: ws.id, exerciseId: id });
    expect(after.result?.comparison.signals.map((s) => s.reason)).toEqual(REASONS);
  });

  it("compares with the reference and the panel's latest attempts on a fixed case, and passes by tolerance", async () => {
    const ws = await createWorkspaceWithRoles("ex-compare");
    const { id, keys } = await publish(ws);
    const [p1, p2, me, close] = await Promise.all([
      addMember(ws, "interviewer", "p1"),
      addMember(ws, "interviewer", "p2"),
      addMember(ws, "interviewer", "me"),
      addMember(ws, "interviewer", "close"),
    ]);
    await p1.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) });
    await p2.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [2, 2, 3]) });
    const mine = await me.caller.exercise.submit({
      workspaceId: ws.id,
      exerciseId: id,
      ratings: rate(keys, [4, 4, 4]),
    });
    expect(
      mine.comparison.signals.map(({ key, mine: m, reference, difference, panel }) => ({
        key,
        m,
        reference,
        difference,
        panel,
      })),
    ).toEqual([
      { key: keys[0], m: 4, reference: 3, difference: 1, panel: [0, 1, 1, 0] },
      { key: keys[1], m: 4, reference: 2, difference: 2, panel: [0, 2, 0, 0] },
      { key: keys[2], m: 4, reference: 4, difference: 0, panel: [0, 0, 1, 1] },
    ]);
    expect(mine.comparison.meanDifference).toBeCloseTo(1, 10);
    expect(mine.comparison.passed).toBe(false);
    // Mean 1/3 and no signal two points off: passes at 0.5 / 2.
    const ok = await close.caller.exercise.submit({
      workspaceId: ws.id,
      exerciseId: id,
      ratings: rate(keys, [3, 3, 4]),
    });
    expect(ok.comparison).toMatchObject({ passed: true, maxDifference: 1 });
    expect(ok.comparison.meanDifference).toBeCloseTo(1 / 3, 10);
    // The panel now counts three other people for `me` (p1, p2, close), never names.
    const seen = await me.caller.exercise.get({ workspaceId: ws.id, exerciseId: id });
    expect(seen.result?.comparison.signals[0]?.panel).toEqual([0, 1, 2, 0]);
    expect(JSON.stringify(seen)).not.toContain(p1.memberId);
    const attempts = await db.exerciseAttempt.findMany({
      where: { workspaceId: ws.id },
      orderBy: { submittedAt: "asc" },
    });
    expect(attempts.map((a) => a.passed)).toEqual([true, false, false, true]);
    // Coaches see every outcome by name.
    const review = await ws.members.coach.caller.exercise.review({ workspaceId: ws.id, exerciseId: id });
    expect(review.attempts).toHaveLength(4);
    expect(review.reference.map((r) => r.reason)).toEqual(REASONS);
  });

  it("takes one attempt per period: due again after recurDays", async () => {
    const ws = await createWorkspaceWithRoles("ex-recur");
    const { id, keys } = await publish(ws, { recurDays: 30 });
    const { interviewer } = ws.members;
    const input = { workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) };
    await interviewer.caller.exercise.submit(input);
    expect(await outcome(interviewer.caller.exercise.submit(input))).toBe("CONFLICT");
    const listed = (await interviewer.caller.exercise.list({ workspaceId: ws.id })).exercises[0]!;
    expect(listed).toMatchObject({ state: "done", mayAttempt: false });
    await db.exerciseAttempt.updateMany({
      where: { workspaceId: ws.id },
      data: { submittedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const due = (await interviewer.caller.exercise.list({ workspaceId: ws.id })).exercises[0]!;
    expect(due).toMatchObject({ state: "due", mayAttempt: true });
    await interviewer.caller.exercise.submit(input);
    expect(await db.exerciseAttempt.count({ where: { workspaceId: ws.id } })).toBe(2);
  });

  it("is suggested when the interviewer's stored severity drifts beyond the threshold", async () => {
    const ws = await createWorkspaceWithRoles("ex-drift");
    const { id, keys } = await publish(ws, { driftThreshold: 0.4 });
    const { interviewer } = ws.members;
    const first = (await interviewer.caller.exercise.list({ workspaceId: ws.id })).exercises[0]!;
    expect(first.suggested).toBe(false);
    await storeSeverity(ws, interviewer.memberId, 0.3);
    await interviewer.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) });
    const attempt = await db.exerciseAttempt.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(attempt.severityAtAttempt).toBe(0.3);
    expect((await interviewer.caller.exercise.list({ workspaceId: ws.id })).exercises[0]).toMatchObject({
      state: "done",
      suggested: false,
    });
    // Later fits measure them 0.5 points stricter than at their attempt: suggested, and open again.
    await storeSeverity(ws, interviewer.memberId, -0.2);
    const drifted = (await interviewer.caller.exercise.list({ workspaceId: ws.id })).exercises[0]!;
    expect(drifted).toMatchObject({ suggested: true, mayAttempt: true });
    expect(drifted.why).toMatch(/stricter by 0\.50 points/);
    expect(drifted.drift).toBeCloseTo(-0.5, 10);
  });

  it("keeps each interviewer's answers and How I rate private", async () => {
    const ws = await createWorkspaceWithRoles("ex-private");
    const { id, keys } = await publish(ws);
    const other = await addMember(ws, "interviewer", "other");
    await other.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [1, 1, 1]) });
    await db.exerciseAttempt.updateMany({ where: { workspaceId: ws.id }, data: { ratings: rate(keys, [1, 1, 1]) } });
    const { interviewer, coach, candidate } = ws.members;
    const seen = await interviewer.caller.exercise.get({ workspaceId: ws.id, exerciseId: id });
    expect(seen.result).toBeNull();
    expect(seen.attempts).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("seen 0");
    expect(await outcome(interviewer.caller.exercise.howIRate({ workspaceId: ws.id, memberId: other.memberId }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(candidate.caller.exercise.howIRate({ workspaceId: ws.id }))).toBe("FORBIDDEN");
    const own = await other.caller.exercise.howIRate({ workspaceId: ws.id });
    expect(own).toMatchObject({ memberId: other.memberId, self: true });
    expect(own.exercises.map((e) => e.passed)).toEqual([false]);
    const byCoach = await coach.caller.exercise.howIRate({ workspaceId: ws.id, memberId: other.memberId });
    expect(byCoach).toMatchObject({ memberId: other.memberId, self: false });
    // Another workspace's member is not found, even by a coach.
    const elsewhere = await createWorkspaceWithRoles("ex-private-b");
    expect(
      await outcome(
        coach.caller.exercise.howIRate({ workspaceId: ws.id, memberId: elsewhere.members.interviewer.memberId }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("refuses signals the published rubric lacks, and incomplete ratings", async () => {
    const ws = await createWorkspaceWithRoles("ex-input");
    const { id, keys, roundTypeId } = await publish(ws);
    const bad = await outcome(
      ws.members.coach.caller.exercise.create({
        workspaceId: ws.id,
        roundTypeId,
        title: "Bad",
        prompt: "p",
        transcript: "x".repeat(60),
        reference: { "no-such-signal": { rating: 2, reason: "a reason long enough" } },
      }),
    );
    expect(bad).toBe("BAD_REQUEST");
    const partial = await outcome(
      ws.members.interviewer.caller.exercise.submit({
        workspaceId: ws.id,
        exerciseId: id,
        ratings: rate(keys.slice(0, 2), [3, 2]),
      }),
    );
    expect(partial).toBe("BAD_REQUEST");
  });

  it("exercisePassed: the latest attempt of an active exercise of the round type passed", async () => {
    const ws = await createWorkspaceWithRoles("ex-passed");
    const { id, keys, roundTypeId } = await publish(ws, { recurDays: 10 });
    const { interviewer, coach } = ws.members;
    const passed = () => exercisePassed(db, ws.id, interviewer.actor.userId, roundTypeId);
    expect(await passed()).toBe(false);
    await interviewer.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) });
    expect(await passed()).toBe(true);
    expect(await exercisePassed(db, ws.id, coach.actor.userId, roundTypeId)).toBe(false);
    await db.exerciseAttempt.updateMany({
      where: { workspaceId: ws.id },
      data: { submittedAt: new Date(Date.now() - 11 * 86_400_000) },
    });
    await interviewer.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [1, 4, 1]) });
    expect(await passed()).toBe(false);
    await coach.caller.exercise.archive({ workspaceId: ws.id, exerciseId: id });
    expect(
      await outcome(
        interviewer.caller.exercise.submit({ workspaceId: ws.id, exerciseId: id, ratings: rate(keys, [3, 2, 4]) }),
      ),
    ).toBe("CONFLICT");
  });
});
