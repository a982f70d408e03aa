// Slot suggestions and training paths: only qualified interviewers lead a round type that has a path, and a
// template's auto-shadow adds a free trainee as the round's shadow.
import { describe, expect, it } from "vitest";
import { addMember, createWorkspaceWithRoles, db, outcome, type Member, type TestWorkspace } from "@/test/factories";

async function oneCodingLoop(ws: TestWorkspace) {
  const coach = ws.members.coach.caller;
  const template = await coach.loop.saveTemplate({
    workspaceId: ws.id,
    name: "One coding round",
    description: "",
    level: "mid",
    rounds: [{ roundTypeKey: "coding", durationMin: 60 }],
    maxDays: 1,
    breakMin: 15,
  });
  const { id: loopId } = await coach.loop.create({
    workspaceId: ws.id,
    candidateMemberId: ws.members.candidate.memberId,
    templateId: template.id,
    targetRole: "Backend engineer",
  });
  return { loopId, templateId: template.id };
}

async function inCodingPool(ws: TestWorkspace, m: Member) {
  await m.caller.schedule.saveMyAvailability({
    workspaceId: ws.id,
    timeZone: "UTC",
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "06:00", end: "20:00" })),
    exceptions: [],
  });
  await ws.members.coach.caller.schedule.saveInterviewerSettings({
    workspaceId: ws.id,
    memberId: m.memberId,
    roundTypeKeys: ["coding"],
    weeklyCap: null,
  });
}

describe("suggestions and training paths", () => {
  it("leave trainees out of the lead seat, and add one as shadow when the template says so", async () => {
    const ws = await createWorkspaceWithRoles("train-suggest");
    const coach = ws.members.coach.caller;
    const trainee = ws.members.interviewer;
    const lead = await addMember(ws, "interviewer", "train-suggest-lead");
    await inCodingPool(ws, trainee);
    await inCodingPool(ws, lead);
    const coding = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
    const { loopId, templateId } = await oneCodingLoop(ws);
    const suggest = () => coach.schedule.suggest({ workspaceId: ws.id, loopId, days: 14 });
    const leadsOf = (s: Awaited<ReturnType<typeof suggest>>) =>
      new Set(
        s.flatMap((o) => o.rounds.flatMap((r) => [r.interviewerMemberId, ...r.alternates.map((a) => a.memberId)])),
      );

    // No path: both lead.
    expect([...leadsOf(await suggest())].sort()).toEqual([trainee.memberId, lead.memberId].sort());

    // A path, with the lead signed off (no steps asked) before it asks for a shadow.
    const path = { workspaceId: ws.id, roundTypeId: coding.id };
    await coach.training.savePath({ ...path, shadowsRequired: 0, reverseShadowsRequired: 0 });
    await coach.training.signOff({ ...path, memberId: lead.memberId });
    await coach.training.savePath({ ...path, shadowsRequired: 2, reverseShadowsRequired: 1 });

    // The Interviewers page marks the trainee's round type.
    const listed = await coach.schedule.interviewers({ workspaceId: ws.id });
    expect([trainee, lead].map((m) => listed.find((i) => i.memberId === m.memberId)?.trainingKeys)).toEqual([
      ["coding"],
      [],
    ]);

    const withPath = await suggest();
    expect(withPath.length).toBeGreaterThan(0);
    expect([...leadsOf(withPath)]).toEqual([lead.memberId]);
    // Auto-shadow is off by default.
    expect(withPath.flatMap((o) => o.rounds.map((r) => r.shadow))).toEqual(withPath.map(() => null));

    await coach.training.setAutoShadow({ workspaceId: ws.id, templateId, autoShadow: true });
    const shadowed = await suggest();
    expect(shadowed.flatMap((o) => o.rounds.map((r) => r.shadow?.memberId))).toEqual(
      shadowed.map(() => trainee.memberId),
    );
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "training.auto_shadow_set" } })).toBe(1);

    // Booking a suggestion with its shadow counts towards the trainee's path once they submit.
    const pick = shadowed[0]!.rounds[0]!;
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: pick.roundId,
          interviewerMemberId: pick.interviewerMemberId,
          shadowMemberId: pick.shadow!.memberId,
          startsAt: pick.start,
        },
      ],
    });
    const round = await db.round.findUniqueOrThrow({ where: { id: pick.roundId } });
    expect([round.interviewerMemberId, round.shadowMemberId]).toEqual([lead.memberId, trainee.memberId]);

    // Without a qualified interviewer the pool is empty: suggestions say so rather than offer the trainee.
    await coach.training.revoke({ ...path, memberId: lead.memberId, reason: "Testing an empty pool" });
    const { loopId: second } = await oneCodingLoop(ws);
    const err = await coach.schedule
      .suggest({ workspaceId: ws.id, loopId: second, days: 14 })
      .catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as { message: string }).message).toMatch(/No interviewer is qualified for: Coding/);
    expect(await outcome(coach.schedule.explain({ workspaceId: ws.id, loopId: second, days: 14 }))).toBe("OK");
  });
});
