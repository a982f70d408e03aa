import { describe, expect, it } from "vitest";
import { can, type Permission } from "@/domain/roles";
import {
  callerFor,
  createBookedLoop,
  createUser,
  createWorkspaceWithRoles,
  db,
  decidedLoop as sharedDecidedLoop,
  decideLoop,
  outcome,
  submitScorecards,
  uniqueEmail,
  type TestWorkspace,
} from "@/test/factories";
import { listProcedures, sampleInput } from "@/test/procedures";
import { sqlStatements } from "@/test/statements";

/** A loop for the candidate, two coding scorecards submitted (each raising a red flag), and a recorded decision. */
function decidedLoop(ws: TestWorkspace, opts: { marker?: string; offsetDays?: number } = {}) {
  return sharedDecidedLoop(ws, { ...opts, redFlag: true });
}

describe("feedback reports", () => {
  it("release, revise, withdraw: the candidate sees exactly the current released version, nothing before", async () => {
    const ws = await createWorkspaceWithRoles("report");
    const loopId = await decidedLoop(ws);
    const coach = ws.members.coach.caller;
    const candidate = ws.members.candidate.caller;
    expect(await outcome(coach.report.release({ workspaceId: ws.id, loopId }))).toBe("NOT_FOUND"); // open the draft first
    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
    expect(draft.status).toBe("draft");
    expect(draft.preview.dimensions.length).toBeGreaterThan(0);
    expect(draft.preview.practicePlan).toHaveLength(5);
    expect(draft.preview.practicePlan[0]!.items.some((i) => i.questionId)).toBe(true);
    expect(await candidate.report.listMine({ workspaceId: ws.id })).toEqual([]);
    expect(await outcome(candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId }))).toBe("NOT_FOUND");

    await coach.report.saveDraft({ workspaceId: ws.id, loopId, draft: { ...draft.draft, summary: "First summary" } });
    await coach.report.release({ workspaceId: ws.id, loopId });
    let mine = await candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId });
    expect(mine).toMatchObject({ version: 1, content: { summary: "First summary", level: "mid", bar: 3 } });
    expect(
      await db.emailOutbox.count({
        where: { workspaceId: ws.id, to: ws.members.candidate.actor.email!, template: "report-released" },
      }),
    ).toBe(1);

    // Editing the draft does not change what the candidate sees until it is released again.
    await coach.report.saveDraft({ workspaceId: ws.id, loopId, draft: { ...draft.draft, summary: "Revised summary" } });
    expect((await candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId })).content.summary).toBe(
      "First summary",
    );
    await coach.report.release({ workspaceId: ws.id, loopId });
    mine = await candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId });
    expect(mine).toMatchObject({ version: 2, content: { summary: "Revised summary" } });
    // Read on the transaction's own connection: the release time is the one Prisma reads (UTC), whatever the zone.
    const stored = await db.feedbackReportVersion.findFirstOrThrow({ where: { reportId: draft.reportId, version: 2 } });
    expect(mine.releasedAt).toEqual(stored.releasedAt);
    expect(await db.feedbackReportVersion.count({ where: { reportId: draft.reportId } })).toBe(2);

    await coach.report.withdraw({ workspaceId: ws.id, loopId });
    expect(await candidate.report.listMine({ workspaceId: ws.id })).toEqual([]);
    expect(await outcome(candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId }))).toBe("NOT_FOUND");
    // Another candidate never sees it.
    const other = await createUser("other-cand");
    await db.membership.create({ data: { workspaceId: ws.id, userId: other.userId, role: "candidate" } });
    await coach.report.release({ workspaceId: ws.id, loopId });
    expect(await callerFor(other).report.listMine({ workspaceId: ws.id })).toEqual([]);
    expect(await outcome(callerFor(other).report.getMine({ workspaceId: ws.id, reportId: draft.reportId }))).toBe(
      "NOT_FOUND",
    );
  });

  it("progress across loops: one point per released report", async () => {
    const ws = await createWorkspaceWithRoles("progress");
    const coach = ws.members.coach.caller;
    for (const offset of [7, 14]) {
      const loopId = await decidedLoop(ws, { offsetDays: offset });
      await coach.report.openDraft({ workspaceId: ws.id, loopId });
      await coach.report.release({ workspaceId: ws.id, loopId });
    }
    const list = await ws.members.candidate.caller.report.listMine({ workspaceId: ws.id });
    expect(list).toHaveLength(2);
    const report = await ws.members.candidate.caller.report.getMine({
      workspaceId: ws.id,
      reportId: list[1]!.reportId,
    });
    expect(report.progress).toHaveLength(2);
    expect(Object.keys(report.progress[0]!.dimensions).length).toBeGreaterThan(0);
  });
});

describe("released content kept in memory", () => {
  it("a version's content is read once per process; a revision is read afresh, an erased one never shown", async () => {
    const ws = await createWorkspaceWithRoles("report-kept");
    const loopId = await decidedLoop(ws);
    const coach = ws.members.coach.caller;
    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
    await coach.report.saveDraft({ workspaceId: ws.id, loopId, draft: { ...draft.draft, summary: "Kept v1" } });
    await coach.report.release({ workspaceId: ws.id, loopId });
    const candidate = ws.members.candidate.caller;
    const view = async () => {
      let mine: Awaited<ReturnType<typeof candidate.report.getMine>> | undefined;
      const sent = await sqlStatements(
        async () => (mine = await candidate.report.getMine({ workspaceId: ws.id, reportId: draft.reportId })),
      );
      return { mine: mine!, contentReads: sent.filter((s) => /"content"/.test(s)).length };
    };
    const first = await view();
    expect(first.mine.content.summary).toBe("Kept v1");
    expect(first.contentReads).toBe(1);
    const again = await view();
    expect(again.contentReads).toBe(0);
    expect(again.mine).toEqual(first.mine);

    await coach.report.saveDraft({ workspaceId: ws.id, loopId, draft: { ...draft.draft, summary: "Kept v2" } });
    await coach.report.release({ workspaceId: ws.id, loopId });
    const revised = await view();
    expect(revised).toMatchObject({ mine: { version: 2, content: { summary: "Kept v2" } }, contentReads: 1 });

    // The versions are listed on every view: one deleted (as erasure does) is gone, though its content is kept.
    await db.feedbackReportVersion.deleteMany({ where: { workspaceId: ws.id, reportId: draft.reportId, version: 2 } });
    expect((await view()).mine).toMatchObject({ version: 1, content: { summary: "Kept v1" } });
  });
});

describe("release for an invited candidate", () => {
  it("is blocked up front, with the reason, until the candidate accepts", async () => {
    const ws = await createWorkspaceWithRoles("report-invited");
    const coach = ws.members.coach.caller;
    const template = await db.loopTemplate.findFirstOrThrow({
      where: { workspaceId: ws.id, key: "entry-coding-focus" },
    });
    const { id: loopId } = await coach.loop.create({
      workspaceId: ws.id,
      candidateEmail: uniqueEmail("invited-candidate"),
      templateId: template.id,
      targetRole: "Backend engineer",
    });
    const round = await db.round.findFirstOrThrow({ where: { loopId }, orderBy: { order: "asc" } });
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId,
      bookings: [
        {
          roundId: round.id,
          interviewerMemberId: ws.members.interviewer.memberId,
          startsAt: new Date(Math.ceil(Date.now() / 3_600_000 + 72) * 3_600_000),
        },
      ],
    });
    await submitScorecards(ws, [{ roundId: round.id, member: ws.members.interviewer, rate: () => 3 }]);
    await decideLoop(ws, loopId);
    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
    expect(draft.candidateJoined).toBe(false);
    expect(await outcome(coach.report.release({ workspaceId: ws.id, loopId }))).toBe("CONFLICT");
    const joined = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[0, ws.members.interviewer]],
      offsetDays: 9,
    });
    await submitScorecards(ws, [{ roundId: joined.rounds[0]!.id, member: ws.members.interviewer, rate: () => 2 }]);
    await decideLoop(ws, joined.loopId);
    expect((await coach.report.openDraft({ workspaceId: ws.id, loopId: joined.loopId })).candidateJoined).toBe(true);
  });
});

describe("privacy canary", () => {
  it("nothing a candidate can reach carries interviewer identities or unreleased notes", async () => {
    const MARK = "CANARY7f3";
    const ws = await createWorkspaceWithRoles("canary");
    // Markers in interviewer names and emails.
    for (const m of [ws.members.interviewer, ws.members.owner, ws.members.coach]) {
      await db.user.update({
        where: { id: m.actor.userId },
        data: { name: `Name ${MARK}`, email: `${MARK.toLowerCase()}-${m.memberId}@example.test` },
      });
    }
    const loopId = await decidedLoop(ws, { marker: MARK });
    const coach = ws.members.coach.caller;
    const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
    // The coach picks and edits one excerpt: that text, and only that, may reach the candidate.
    await coach.report.saveDraft({
      workspaceId: ws.id,
      loopId,
      draft: {
        ...draft.draft,
        summary: "Keep practising tests.",
        excerpts: [
          { signalTitle: "Tests", text: "You listed edge cases before coding. RELEASED-EXCERPT", by: `Name ${MARK}` },
        ],
      },
    });
    await coach.report.release({ workspaceId: ws.id, loopId });

    const candidate = ws.members.candidate;
    const refs = { workspaceId: ws.id, reportId: draft.reportId, slug: ws.slug };
    const reachable = listProcedures().filter((p) => {
      if (p.meta?.access === "authed") return true;
      return p.meta?.access === "workspace" && can("candidate", p.meta.permission as Permission);
    });
    expect(reachable.map((p) => p.path)).toEqual(
      expect.arrayContaining(["report.getMine", "report.listMine", "schedule.mySchedule", "workspace.get"]),
    );
    const leaks: string[] = [];
    let excerptSeen = false;
    for (const p of reachable) {
      if (p.type !== "query") continue; // mutations change state; their answers are covered by the queries
      let target: unknown = candidate.caller;
      for (const part of p.path.split(".")) target = (target as Record<string, unknown>)[part];
      let result: unknown;
      try {
        result = await (target as (i: unknown) => Promise<unknown>)(sampleInput(p, refs));
      } catch {
        continue;
      }
      const text = JSON.stringify(result);
      if (text.includes("RELEASED-EXCERPT")) excerptSeen = true;
      if (text.toLowerCase().includes(MARK.toLowerCase())) leaks.push(p.path);
    }
    expect(leaks).toEqual([]);
    expect(excerptSeen).toBe(true);

    const mails = await db.emailOutbox.findMany({ where: { workspaceId: ws.id, to: candidate.actor.email! } });
    expect(mails.length).toBeGreaterThan(2); // invitations to rounds and the released report
    for (const mail of mails) {
      const attachments = ((mail.attachments as { content: string }[] | null) ?? [])
        .map((a) => Buffer.from(a.content, "base64").toString("utf8"))
        .join(" ");
      expect(`${mail.subject} ${mail.html} ${mail.text} ${attachments}`.toLowerCase()).not.toContain(
        MARK.toLowerCase(),
      );
    }

    // With "show interviewer names" on, the released excerpt is attributed; nothing else changes.
    await ws.members.owner.caller.workspace.update({ workspaceId: ws.id, showInterviewerNames: true });
    const shown = await candidate.caller.report.getMine({ workspaceId: ws.id, reportId: draft.reportId });
    expect(shown.content.excerpts[0]!.by).toBe(`Name ${MARK}`);
  });
});
