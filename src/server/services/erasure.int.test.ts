// Erasing a candidate (docs/privacy.md): nothing that identifies them is left anywhere, other people's
// calibration does not move, and only the right people can do it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  addMember,
  callerFor,
  createWorkspaceWithRoles,
  db,
  outcome,
  settleCalibration,
  type TestWorkspace,
} from "@/test/factories";
import { decidedLoop } from "@/test/factories";
import { candidateEverywhere, findEverywhere, searchedColumnCount } from "@/test/privacy-fixtures";

const canaryOf = () => `canary${randomUUID().replace(/-/g, "").slice(0, 12)}`;

/** The stored fit as other people see it: every loop's calibrated scores and every interviewer's estimate. */
async function storedFigures(ws: TestWorkspace) {
  const fit = await db.cohortFit.findUniqueOrThrow({ where: { workspaceId: ws.id } });
  const [loops, interviewers] = await Promise.all([
    db.cohortLoopScore.findMany({ where: { workspaceId: ws.id, fitId: fit.fitId! }, orderBy: { loopId: "asc" } }),
    db.cohortInterviewer.findMany({ where: { workspaceId: ws.id, fitId: fit.fitId! }, orderBy: { memberId: "asc" } }),
  ]);
  return {
    loops: loops.map((l) => [l.loopId, l.scores]),
    interviewers: interviewers.map((i) => [i.memberId, i.estimate]),
    summary: fit.summary,
  };
}

describe("erasing a candidate", () => {
  it("leaves their name, email and notes nowhere in the database (every table, every text and JSON column)", async () => {
    const ws = await createWorkspaceWithRoles("erase-canary");
    const canary = canaryOf();
    const { email } = await candidateEverywhere(ws, canary);
    const candidate = ws.members.candidate;
    // Planted where we expect it: the search finds it before the erasure.
    const before = await findEverywhere(canary);
    const planted = before.map((hit) => hit.split(":")[0]);
    for (const column of [
      "users.name",
      "users.email",
      "accounts.providerAccountId",
      "verification_tokens.identifier",
      "invitations.email",
      "audit_events.data",
      "loops.notes",
      "scorecards.ratings",
      "scorecards.summary",
      "debriefs.notes",
      "feedback_reports.draft",
      "feedback_report_versions.content",
      "email_outbox.to",
      "email_outbox.html",
      "webhook_events.payload",
    ])
      expect(planted).toContain(column);

    const result = await ws.members.coach.caller.member.erase({
      workspaceId: ws.id,
      candidateMemberId: candidate.memberId,
    });
    expect(result.accountErased).toBe(true);
    expect(result.name).toMatch(/^Erased candidate [0-9a-f]{6}$/);

    expect(await searchedColumnCount()).toBeGreaterThan(50);
    expect(await findEverywhere(canary)).toEqual([]);
    expect(await findEverywhere(email)).toEqual([]);
    // The account is gone with its sessions, sign-in accounts and feeds; the membership has a stand-in.
    expect(await db.user.findUnique({ where: { id: candidate.actor.userId } })).toBeNull();
    expect(await db.session.count({ where: { userId: candidate.actor.userId } })).toBe(0);
    const membership = await db.membership.findUniqueOrThrow({
      where: { id: candidate.memberId },
      include: { user: true },
    });
    expect([membership.role, membership.user.name, membership.user.email]).toEqual(["candidate", result.name, null]);
    expect(membership.user.erasedAt).toBeInstanceOf(Date);
    // Numeric ratings stay; the erasure is audited without personal data.
    const cards = await db.scorecard.findMany({ where: { workspaceId: ws.id } });
    expect(cards.length).toBe(2);
    for (const card of cards) {
      const answers = Object.values(card.ratings as Record<string, { rating: unknown; evidence: string }>);
      expect(answers.every((a) => typeof a.rating === "number" && a.evidence === "")).toBe(true);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, action: "member.erased" } });
    expect([audit.actorId, audit.targetId, audit.data]).toEqual([
      ws.members.coach.actor.userId,
      candidate.memberId,
      { by: "member", loops: 1, scorecardsKept: 2 },
    ]);
  });

  it("keeps the cohort's calibration figures the same (other loops' scores, interviewer severities)", async () => {
    const ws = await createWorkspaceWithRoles("erase-calib");
    const second = await addMember(ws, "candidate", "erase-calib-second");
    await decidedLoop(ws, { marker: "one", rate: (i, j) => (((i + j) % 4) + 1) as 1 | 2 | 3 | 4 });
    await decidedLoop(ws, {
      marker: "two",
      candidate: second,
      offsetDays: 9,
      rate: (i, j) => (((i * 3 + j) % 4) + 1) as 1 | 2 | 3 | 4,
    });
    await decidedLoop(ws, { marker: "three", offsetDays: 11, rate: (i, j) => (((j + 2) % 4) + 1) as 1 | 2 | 3 | 4 });
    await settleCalibration(ws);
    const before = await storedFigures(ws);
    expect(before.loops.length).toBe(3);
    expect(before.interviewers.length).toBe(2);

    await ws.members.owner.caller.member.erase({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
    });
    const fit = await db.cohortFit.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    // Clearing the evidence text changed the scorecards' JSON, so the worker refits: with the same numbers.
    expect(fit.ratingsVersion).toBeGreaterThan(fit.fittedVersion);
    await settleCalibration(ws);
    expect(await storedFigures(ws)).toEqual(before);
  });

  it("answers NOT_FOUND for another workspace's candidate, and changes nothing there", async () => {
    const a = await createWorkspaceWithRoles("erase-a");
    const b = await createWorkspaceWithRoles("erase-b");
    for (const who of [b.members.owner, b.members.coach]) {
      expect(
        await outcome(who.caller.member.erase({ workspaceId: b.id, candidateMemberId: a.members.candidate.memberId })),
      ).toBe("NOT_FOUND");
      expect(
        await outcome(who.caller.member.erase({ workspaceId: a.id, candidateMemberId: a.members.candidate.memberId })),
      ).toBe("NOT_FOUND");
    }
    const user = await db.user.findUniqueOrThrow({ where: { id: a.members.candidate.actor.userId } });
    expect(user.erasedAt).toBeNull();
    expect(user.email).toBe(a.members.candidate.actor.email);
  });

  it("is for candidates only, by owners and coaches, once", async () => {
    const ws = await createWorkspaceWithRoles("erase-rules");
    const erase = (who: keyof TestWorkspace["members"], memberId: string) =>
      outcome(ws.members[who].caller.member.erase({ workspaceId: ws.id, candidateMemberId: memberId }));
    expect(await erase("owner", ws.members.interviewer.memberId)).toBe("BAD_REQUEST");
    expect(await erase("interviewer", ws.members.candidate.memberId)).toBe("FORBIDDEN");
    expect(await erase("candidate", ws.members.candidate.memberId)).toBe("FORBIDDEN");
    expect(await erase("coach", ws.members.candidate.memberId)).toBe("OK");
    expect(await erase("owner", ws.members.candidate.memberId)).toBe("CONFLICT");
  });

  it("keeps the account of someone who belongs to another workspace, and erases only this workspace's data", async () => {
    const a = await createWorkspaceWithRoles("erase-two-a");
    const b = await createWorkspaceWithRoles("erase-two-b");
    const person = a.members.candidate.actor;
    await db.membership.create({ data: { workspaceId: b.id, userId: person.userId, role: "candidate" } });
    const result = await a.members.owner.caller.member.erase({
      workspaceId: a.id,
      candidateMemberId: a.members.candidate.memberId,
    });
    expect(result.accountErased).toBe(false);
    const user = await db.user.findUniqueOrThrow({ where: { id: person.userId }, include: { memberships: true } });
    expect([user.email, user.memberships.map((m) => m.workspaceId)]).toEqual([person.email, [b.id]]);
  });
});

describe("erasing one's own account", () => {
  it("needs the typed email, and a person who is a candidate everywhere", async () => {
    const ws = await createWorkspaceWithRoles("erase-self");
    const candidate = ws.members.candidate;
    expect(await outcome(candidate.caller.account.eraseMine({ confirmEmail: "someone-else@example.test" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(
        ws.members.interviewer.caller.account.eraseMine({ confirmEmail: ws.members.interviewer.actor.email! }),
      ),
    ).toBe("CONFLICT");
    const canary = canaryOf();
    await candidateEverywhere(ws, canary);
    await candidate.caller.account.eraseMine({ confirmEmail: candidate.actor.email!.toUpperCase() });
    expect(await findEverywhere(canary)).toEqual([]);
    expect(await db.user.findUnique({ where: { id: candidate.actor.userId } })).toBeNull();
    expect(await outcome(callerFor(candidate.actor).account.me())).not.toBe("OK");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, action: "member.erased" } });
    expect(audit.data).toEqual({ by: "self", loops: 1, scorecardsKept: 2 });
  });
});
