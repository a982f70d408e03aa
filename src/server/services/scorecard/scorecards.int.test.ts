import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db, outcome, roundHasStarted } from "@/test/factories";
import { addInterviewer, bookedLoop, fillAndSubmit } from "@/test/scorecard-fixtures";

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
    // A scorecard submitted in another loop opens nothing here.
    const other = await bookedLoop(ws, [ws.members.interviewer]);
    await fillAndSubmit(first, ws.id, other.rounds[0]!.id, () => 3);
    expect(await outcome(first.debrief.get({ workspaceId: ws.id, loopId }))).toBe("CONFLICT");
    await fillAndSubmit(first, ws.id, rounds[0]!.id, () => 4, "strong_yes");
    const cards = await first.scorecard.listForLoop({ workspaceId: ws.id, loopId });
    expect(cards.map((c) => c.status).sort()).toEqual(["submitted", "submitted"]);
    expect((await first.debrief.get({ workspaceId: ws.id, loopId })).columns.map((c) => c.recommendation)).toEqual(
      expect.arrayContaining(["strong_yes", "no"]),
    );
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
      // The debrief shows the draft as its round's state only.
      const debrief = await caller.debrief.get({ workspaceId: ws.id, loopId });
      expect(JSON.stringify(debrief)).not.toMatch(/SECRET-DRAFT|strong_no/);
      expect(debrief.columns).toHaveLength(1);
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
