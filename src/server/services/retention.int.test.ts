// Retention: with "erase candidates' personal data N months after their last loop" on, the job erases
// exactly the candidates whose last loop is older than that, and no one in a workspace without it.
import { describe, expect, it } from "vitest";
import { addMember, createWorkspaceWithRoles, db, type Member, type TestWorkspace } from "@/test/factories";
import { purgeExpiredCandidates } from "./retention";

const DAY = 86_400_000;

/** A loop for the candidate whose last change and rounds lie `daysAgo` in the past (negative: ahead). */
async function loopEndedDaysAgo(ws: TestWorkspace, candidate: Member, daysAgo: number) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { key: "asc" } });
  const { id } = await ws.members.coach.caller.loop.create({
    workspaceId: ws.id,
    candidateMemberId: candidate.memberId,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const at = new Date(Date.now() - daysAgo * DAY);
  await db.$executeRaw`UPDATE "loops" SET "updatedAt" = ${at}, "createdAt" = ${at} WHERE "id" = ${id}`;
  await db.$executeRaw`UPDATE "rounds" SET "startsAt" = ${new Date(at.getTime() - 3_600_000)}, "endsAt" = ${at} WHERE "loopId" = ${id}`;
  return id;
}

async function joinedDaysAgo(member: Member, days: number) {
  await db.membership.update({
    where: { id: member.memberId },
    data: { createdAt: new Date(Date.now() - days * DAY) },
  });
}

const isErased = async (member: Member) =>
  (await db.membership.findUniqueOrThrow({ where: { id: member.memberId }, include: { user: true } })).user.erasedAt !==
  null;

describe("retention", () => {
  it("erases only candidates whose last loop is older than the workspace's period", async () => {
    const ws = await createWorkspaceWithRoles("retention");
    const old = ws.members.candidate;
    const recent = await addMember(ws, "candidate", "retention-recent");
    const upcoming = await addMember(ws, "candidate", "retention-upcoming");
    const idle = await addMember(ws, "candidate", "retention-idle");
    const newcomer = await addMember(ws, "candidate", "retention-new");
    for (const m of [old, recent, upcoming, idle]) await joinedDaysAgo(m, 400);
    await loopEndedDaysAgo(ws, old, 200); // 6+ months ago
    await loopEndedDaysAgo(ws, recent, 300);
    await loopEndedDaysAgo(ws, recent, 120); // their latest loop: 4 months ago
    await loopEndedDaysAgo(ws, upcoming, 300);
    await loopEndedDaysAgo(ws, upcoming, -10); // a round still ahead
    // idle: no loop at all, joined 400 days ago; newcomer: no loop, joined today.
    await ws.members.owner.caller.workspace.update({ workspaceId: ws.id, retentionMonths: 6 });

    // Another workspace with the same kind of candidate but no retention period.
    const keep = await createWorkspaceWithRoles("retention-off");
    await joinedDaysAgo(keep.members.candidate, 800);
    await loopEndedDaysAgo(keep, keep.members.candidate, 700);

    const report = await purgeExpiredCandidates(db);
    expect(report).toMatchObject({ failed: 0 });
    expect(report.erased).toBeGreaterThanOrEqual(2);
    expect(
      Object.fromEntries(
        await Promise.all(
          (
            [
              ["old", old],
              ["recent", recent],
              ["upcoming", upcoming],
              ["idle", idle],
              ["newcomer", newcomer],
              ["other workspace", keep.members.candidate],
              ["interviewer", ws.members.interviewer],
            ] as const
          ).map(async ([label, m]) => [label, await isErased(m)]),
        ),
      ),
    ).toEqual({
      old: true,
      recent: false,
      upcoming: false,
      idle: true,
      newcomer: false,
      "other workspace": false,
      interviewer: false,
    });
    const audit = await db.auditEvent.findMany({ where: { workspaceId: ws.id, action: "member.erased" } });
    expect(audit.map((a) => [a.actorId, (a.data as { by: string }).by])).toEqual([
      [null, "retention"],
      [null, "retention"],
    ]);
    // A second run finds no one new.
    expect(await purgeExpiredCandidates(db, { workspaceId: ws.id })).toEqual({
      erased: 0,
      accountsErased: 0,
      failed: 0,
    });
  });

  it("is off by default, and owners set it between 1 and 120 months", async () => {
    const ws = await createWorkspaceWithRoles("retention-setting");
    expect((await ws.members.owner.caller.workspace.get({ workspaceId: ws.id })).retentionMonths).toBeNull();
    const { outcome } = await import("@/test/factories");
    expect(await outcome(ws.members.owner.caller.workspace.update({ workspaceId: ws.id, retentionMonths: 0 }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(ws.members.coach.caller.workspace.update({ workspaceId: ws.id, retentionMonths: 12 }))).toBe(
      "FORBIDDEN",
    );
    await ws.members.owner.caller.workspace.update({ workspaceId: ws.id, retentionMonths: 12 });
    expect((await ws.members.owner.caller.workspace.get({ workspaceId: ws.id })).retentionMonths).toBe(12);
    await ws.members.owner.caller.workspace.update({ workspaceId: ws.id, retentionMonths: null });
    expect((await ws.members.owner.caller.workspace.get({ workspaceId: ws.id })).retentionMonths).toBeNull();
  });
});
