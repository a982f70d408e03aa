// The debrief shows each interviewer's verdict as a whole and where every round's scorecard stands.
import { describe, expect, it } from "vitest";
import { createBookedLoop, createWorkspaceWithRoles, db, roundHasStarted, submitScorecards } from "@/test/factories";

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
