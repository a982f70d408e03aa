// Events are written by the change that causes them, in its transaction: one event and one delivery per
// enabled endpoint subscribed to its type; nothing when the change rolls back.
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { hashToken } from "@/server/services/invitation";
import { createLoop } from "@/server/services/loop/lifecycle";
import {
  callerFor,
  createBookedLoop,
  createUser,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  outcome,
  submitScorecards,
  type TestWorkspace,
} from "@/test/factories";

const scopeOf = (ws: TestWorkspace) => ({
  workspaceId: ws.id,
  userId: ws.members.coach.actor.userId,
  memberId: ws.members.coach.memberId,
  role: "coach" as const,
});

async function eventsOf(workspaceId: string) {
  return db.webhookEvent.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    include: { deliveries: { select: { endpointId: true, status: true } } },
  });
}

describe("webhook events", () => {
  it("are written with the change, for each subscribed enabled endpoint, and not at all when it rolls back", async () => {
    const ws = await createWorkspaceWithRoles("hook-tx");
    const owner = ws.members.owner.caller;
    const url = "http://127.0.0.1:9/hooks";
    const loops = await owner.webhook.create({ workspaceId: ws.id, url, events: ["loop.created"] });
    const other = await owner.webhook.create({ workspaceId: ws.id, url, events: ["report.released"] });
    const off = await owner.webhook.create({ workspaceId: ws.id, url, events: ["loop.created"] });
    await owner.webhook.update({ workspaceId: ws.id, endpointId: off.endpoint.id, enabled: false });
    const input = { candidateMemberId: ws.members.candidate.memberId, targetRole: "Rolled back" };

    await expect(
      db.$transaction(async (tx) => {
        await createLoop(tx, scopeOf(ws), input);
        expect(await tx.webhookEvent.count({ where: { workspaceId: ws.id } })).toBe(1);
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow(/rest of the change/);
    expect(await eventsOf(ws.id)).toEqual([]);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id } })).toBe(0);

    const { id: loopId } = await createLoop(db, scopeOf(ws), { ...input, targetRole: "Committed" });
    const events = await eventsOf(ws.id);
    expect(events.map((e) => [e.type, e.deliveries])).toEqual([
      ["loop.created", [{ endpointId: loops.endpoint.id, status: "pending" }]],
    ]);
    expect(events[0]!.payload).toMatchObject({ id: events[0]!.id, data: { loop: { id: loopId } } });
    expect(other.endpoint.id).not.toBe(loops.endpoint.id);
  });

  it("a workspace without endpoints writes no event rows", async () => {
    const ws = await createWorkspaceWithRoles("hook-none");
    await createLoop(db, scopeOf(ws), { candidateMemberId: ws.members.candidate.memberId, targetRole: "Quiet" });
    expect(await db.webhookEvent.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("each action emits its event, with names and round labels", async () => {
    const ws = await createWorkspaceWithRoles("hook-all");
    const owner = ws.members.owner.caller;
    await owner.webhook.create({ workspaceId: ws.id, url: "http://127.0.0.1:9/h", events: [...WEBHOOK_EVENTS] });
    const { loopId, rounds } = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [
        [0, ws.members.interviewer],
        [1, ws.members.coach],
      ],
    });
    const coach = ws.members.coach.caller;
    const moved = new Date(Date.now() + 9 * 86_400_000);
    moved.setUTCHours(9, 0, 0, 0);
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [{ roundId: rounds[0]!.id, interviewerMemberId: ws.members.interviewer.memberId, startsAt: moved }],
    });
    await coach.schedule.cancelRound({ workspaceId: ws.id, roundId: rounds[0]!.id, reason: "Candidate is ill" });
    await submitScorecards(ws, [{ roundId: rounds[1]!.id, member: ws.members.coach, rate: () => 3 }]);
    await decideLoop(ws, loopId, "hooks");
    await coach.report.openDraft({ workspaceId: ws.id, loopId });
    expect(await outcome(coach.report.release({ workspaceId: ws.id, loopId }))).toBe("OK");
    // Someone without a name: events name them without their email address.
    const invited = await createUser("hook-joiner");
    await db.user.update({ where: { id: invited.userId }, data: { name: null } });
    const invitation = await owner.invitation.create({ workspaceId: ws.id, email: invited.email!, role: "coach" });
    await db.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashToken("hook-token-0123456789abcdef") },
    });
    await callerFor(invited).invitation.accept({ token: "hook-token-0123456789abcdef" });

    const events = await eventsOf(ws.id);
    const types = events.map((e) => e.type);
    expect(new Set(types)).toEqual(new Set(WEBHOOK_EVENTS));
    expect(types.filter((t) => t === "round.scheduled")).toHaveLength(2);
    const data = (type: string) =>
      (events.find((e) => e.type === type)!.payload as { data: Record<string, unknown> }).data;
    const candidate = { memberId: ws.members.candidate.memberId, name: ws.members.candidate.actor.name };
    expect(data("round.moved")).toMatchObject({
      loop: { id: loopId, candidate },
      round: { id: rounds[0]!.id, startsAt: moved.toISOString() },
    });
    expect(data("round.cancelled")).toMatchObject({ reason: "Candidate is ill", round: { id: rounds[0]!.id } });
    expect(data("scorecard.submitted")).toMatchObject({
      round: { id: rounds[1]!.id, label: expect.any(String) },
      interviewer: { memberId: ws.members.coach.memberId, name: ws.members.coach.actor.name },
    });
    expect(data("debrief.decided")).toMatchObject({ decision: "not_yet", loop: { id: loopId } });
    expect(data("report.released")).toMatchObject({ version: 1, loop: { id: loopId, candidate } });
    expect(data("member.joined")).toMatchObject({ member: { name: "A member", role: "coach" } });
    // Payloads carry names and ids, not email addresses or scorecard content.
    const text = JSON.stringify(events.map((e) => e.payload));
    expect(text).not.toContain("@example.test");
    expect(text).not.toContain("evidence");
  });
});
