import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import {
  callerFor,
  createUser,
  createWorkspaceWithRoles,
  db,
  outcome,
  roundHasStarted,
  settleCalibration,
  type TestWorkspace,
} from "@/test/factories";
import { runDueCohortFits } from "./cohort-fit";
import { getDebrief } from "./debrief";

const HOUR = 3_600_000;

async function addInterviewer(ws: TestWorkspace) {
  const user = await createUser("iv");
  const m = await db.membership.create({ data: { workspaceId: ws.id, userId: user.userId, role: "interviewer" } });
  return { actor: user, memberId: m.id, caller: callerFor(user) };
}

/** A loop whose first `n` rounds are booked, round i with interviewers[i], a week from now. */
// Each booked loop gets its own 12-hour block, so loops of one test never clash (a random offset did, now and then).
let nextBlock = 0;

async function bookedLoop(
  ws: TestWorkspace,
  interviewers: { memberId: string }[],
  templateKey = "backend-mid-virtual-onsite",
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: templateKey } });
  const candidate = await createUser("cand");
  const cm = await db.membership.create({ data: { workspaceId: ws.id, userId: candidate.userId, role: "candidate" } });
  const { id: loopId } = await ws.members.coach.caller.loop.create({
    workspaceId: ws.id,
    candidateMemberId: cm.id,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
  const start = Date.now() + 7 * 24 * HOUR + nextBlock++ * 12 * HOUR;
  await ws.members.coach.caller.schedule.book({
    workspaceId: ws.id,
    loopId,
    bookings: interviewers.map((iv, i) => ({
      roundId: rounds[i]!.id,
      interviewerMemberId: iv.memberId,
      startsAt: new Date(start + i * 2 * HOUR),
    })),
  });
  return { loopId, rounds, candidateMemberId: cm.id };
}

async function fillAndSubmit(
  caller: ReturnType<typeof callerFor>,
  workspaceId: string,
  roundId: string,
  rating: (i: number) => 1 | 2 | 3 | 4,
  recommendation: "yes" | "no" | "strong_yes" | "strong_no" = "yes",
) {
  const opened = await caller.scorecard.open({ workspaceId, roundId });
  const ratings = Object.fromEntries(
    opened.rubric.signals.map((s, i) => [s.key, { rating: rating(i), evidence: `Saw ${s.title.toLowerCase()}` }]),
  );
  const saved = await caller.scorecard.save({
    workspaceId,
    roundId,
    expectedVersion: opened.scorecard.version,
    ratings,
    redFlagKeys: [],
    recommendation,
    summary: "Summary of the round.",
  });
  await roundHasStarted(roundId);
  return caller.scorecard.submit({ workspaceId, roundId, expectedVersion: saved.version });
}

describe("scorecards", () => {
  it("drafts save with versions; 10 parallel saves with one version → exactly one wins", async () => {
    const ws = await createWorkspaceWithRoles("cards");
    const { rounds } = await bookedLoop(ws, [ws.members.interviewer]);
    const iv = ws.members.interviewer.caller;
    const opened = await iv.scorecard.open({ workspaceId: ws.id, roundId: rounds[0]!.id });
    expect(opened.scorecard).toMatchObject({ status: "draft", version: 1 });
    expect(opened.rubric.signals.length).toBeGreaterThanOrEqual(5);
    const key = opened.rubric.signals[0]!.key;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcome(
          iv.scorecard.save({
            workspaceId: ws.id,
            roundId: rounds[0]!.id,
            expectedVersion: 1,
            ratings: { [key]: { rating: 3, evidence: `tab ${i}` } },
            redFlagKeys: [],
            recommendation: null,
            summary: "",
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(9);
    const card = await db.scorecard.findFirstOrThrow({ where: { roundId: rounds[0]!.id } });
    expect(card.version).toBe(2);
    // Someone who is not on the round has no scorecard there.
    expect(await outcome(ws.members.owner.caller.scorecard.open({ workspaceId: ws.id, roundId: rounds[0]!.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(
        iv.scorecard.save({
          workspaceId: ws.id,
          roundId: rounds[0]!.id,
          expectedVersion: 2,
          ratings: { "no-such-signal": { rating: 2, evidence: "" } },
          redFlagKeys: [],
          recommendation: null,
          summary: "",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("submitting checks completeness and locks; later changes are revisions with a reason", async () => {
    const ws = await createWorkspaceWithRoles("submit");
    const { rounds } = await bookedLoop(ws, [ws.members.interviewer]);
    const iv = ws.members.interviewer.caller;
    const roundId = rounds[0]!.id;
    const opened = await iv.scorecard.open({ workspaceId: ws.id, roundId });
    // Drafting ahead is fine; submitting waits for the round to begin, and says when that is.
    const early = await iv.scorecard.submit({ workspaceId: ws.id, roundId, expectedVersion: 1 }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(early?.code).toBe("CONFLICT");
    expect(early?.message).toMatch(
      /^This round starts \w{3}, \w{3} \d+, \d{4}, .* (UTC|GMT.*); you can submit its scorecard once it has begun/,
    );
    await roundHasStarted(roundId);
    const err = await iv.scorecard.submit({ workspaceId: ws.id, roundId, expectedVersion: 1 }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(err?.code).toBe("BAD_REQUEST");
    expect(err?.message).toMatch(/Rate or mark "not observed": .*Choose an overall recommendation.*Write a summary/);

    const reminders = () =>
      db.emailOutbox.count({
        where: { workspaceId: ws.id, topic: { startsWith: `scorecard:${roundId}:` }, status: "pending" },
      });
    expect(await reminders()).toBe(6); // 1 h after the round, then daily for 5 days

    const submitted = await fillAndSubmit(iv, ws.id, roundId, () => 3);
    expect(submitted.status).toBe("submitted");
    expect(await reminders()).toBe(0);
    expect(
      await outcome(
        iv.scorecard.save({
          workspaceId: ws.id,
          roundId,
          expectedVersion: submitted.version,
          ratings: {},
          redFlagKeys: [],
          recommendation: "no",
          summary: "x",
        }),
      ),
    ).toBe("CONFLICT");

    const ratings = Object.fromEntries(
      opened.rubric.signals.map((s) => [s.key, { rating: 4 as const, evidence: "Re-read my notes" }]),
    );
    const revised = await iv.scorecard.revise({
      workspaceId: ws.id,
      roundId,
      expectedVersion: submitted.version,
      reason: "Mixed up two candidates' notes",
      ratings,
      redFlagKeys: [],
      recommendation: "strong_yes",
      summary: "Better than I first wrote.",
    });
    expect(revised).toMatchObject({
      status: "submitted",
      recommendation: "strong_yes",
      version: submitted.version + 1,
    });
    const revisions = await db.scorecardRevision.findMany({ where: { scorecardId: revised.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ reason: "Mixed up two candidates' notes", version: submitted.version });
    expect((revisions[0]!.snapshot as { recommendation: string }).recommendation).toBe("yes");
    expect(
      await db.auditEvent.count({ where: { workspaceId: ws.id, action: "scorecard.revised", targetId: revised.id } }),
    ).toBe(1);
  });

  it("independence: an interviewer sees the loop's other scorecards only after submitting their own", async () => {
    const ws = await createWorkspaceWithRoles("indep");
    const second = await addInterviewer(ws);
    const { loopId, rounds } = await bookedLoop(ws, [ws.members.interviewer, second]);
    const first = ws.members.interviewer.caller;
    await fillAndSubmit(second.caller, ws.id, rounds[1]!.id, () => 2, "no");
    await first.scorecard.open({ workspaceId: ws.id, roundId: rounds[0]!.id });
    expect(await outcome(first.scorecard.listForLoop({ workspaceId: ws.id, loopId }))).toBe("CONFLICT");
    expect(await outcome(first.debrief.get({ workspaceId: ws.id, loopId }))).toBe("CONFLICT");
    await fillAndSubmit(first, ws.id, rounds[0]!.id, () => 4, "strong_yes");
    const cards = await first.scorecard.listForLoop({ workspaceId: ws.id, loopId });
    expect(cards.map((c) => c.status).sort()).toEqual(["submitted", "submitted"]);
    // The coach always sees the panel.
    expect(await outcome(ws.members.coach.caller.scorecard.listForLoop({ workspaceId: ws.id, loopId }))).toBe("OK");
  });
  it("drafts stay private: after submitting, an interviewer (or a coach) sees another's draft as a status without content", async () => {
    const ws = await createWorkspaceWithRoles("drafts");
    const second = await addInterviewer(ws);
    const { loopId, rounds } = await bookedLoop(ws, [ws.members.interviewer, second]);
    const first = ws.members.interviewer.caller;
    await fillAndSubmit(first, ws.id, rounds[0]!.id, () => 3);
    // The second interviewer has a half-written draft with words in it.
    const opened = await second.caller.scorecard.open({ workspaceId: ws.id, roundId: rounds[1]!.id });
    const key = opened.rubric.signals[0]!.key;
    await second.caller.scorecard.save({
      workspaceId: ws.id,
      roundId: rounds[1]!.id,
      expectedVersion: opened.scorecard.version,
      ratings: { [key]: { rating: 1, evidence: "SECRET-DRAFT-EVIDENCE" } },
      redFlagKeys: [],
      recommendation: "strong_no",
      summary: "SECRET-DRAFT-SUMMARY",
    });
    for (const caller of [first, ws.members.coach.caller, ws.members.owner.caller]) {
      const cards = await caller.scorecard.listForLoop({ workspaceId: ws.id, loopId });
      expect(JSON.stringify(cards)).not.toMatch(/SECRET-DRAFT|strong_no/);
      const draft = cards.find((c) => c.interviewerMemberId === second.memberId);
      expect(draft).toEqual({
        id: opened.scorecard.id,
        status: "draft",
        roundId: rounds[1]!.id,
        interviewerMemberId: second.memberId,
        content: false,
      });
      expect(cards.find((c) => c.interviewerMemberId === ws.members.interviewer.memberId)).toMatchObject({
        status: "submitted",
        content: true,
        recommendation: "yes",
      });
    }
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
    expect(before.dimensionScores[0]!.notCalibratedReason).toMatch(/being updated/);
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
    const rated = d.matrix.find((r) => r.cells.some((c) => c.raw !== null))!;
    expect(rated.cells.map((c) => c.raw)).toEqual([4, 1]);
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
      const d = await getDebrief(counted, scope, { loopId });
      return { queries, columns: d.columns.length };
    };
    const a = await count(small.loopId);
    const b = await count(large.loopId);
    expect(a.columns).toBe(2);
    expect(b.columns).toBe(6);
    expect(b.queries).toBe(a.queries);
    expect(a.queries).toBeLessThanOrEqual(15);
  });
});

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
    const report = await ws.members.coach.caller.calibration.interviewers({ workspaceId: ws.id });
    const l = report.interviewers.find((i) => i.interviewerId === lenient.memberId)!;
    const h = report.interviewers.find((i) => i.interviewerId === harsh.memberId)!;
    expect(l.severity!).toBeGreaterThan(0.5);
    expect(h.severity!).toBeLessThan(-0.5);
    expect(l.scorecards).toBe(4);
    expect(l.spreadStandardError).not.toBeNull();
    expect(l.panelGap).toBeCloseTo(2, 5);
    expect(report.agreement.bySignal.length).toBeGreaterThan(0);

    const cohort = await ws.members.coach.caller.calibration.cohort({ workspaceId: ws.id, level: "mid" });
    expect(cohort.candidates).toHaveLength(4);
    for (const c of cohort.candidates) {
      expect(c.raw).toBeGreaterThan(c.calibrated! - 2);
      expect(c.standardError).toBeGreaterThan(0);
    }
    expect(cohort.notCalibrated).toEqual([]);
    const sorted = [...cohort.candidates].sort((a, b) => b.calibrated! - a.calibrated!);
    expect(sorted[0]!.calibrated!).toBeGreaterThan(sorted.at(-1)!.calibrated!);
    expect(await outcome(ws.members.interviewer.caller.calibration.cohort({ workspaceId: ws.id }))).toBe("FORBIDDEN");
  });
});
