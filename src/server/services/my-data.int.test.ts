// "Download my data": one JSON document with the person's account, memberships, loops and released
// reports, and nothing that was not released to them.
import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { decidedLoop } from "@/test/factories";
import { writeReport } from "@/test/privacy-fixtures";

describe("download my data", () => {
  it("holds the account, the loops with their rounds, and released reports only", async () => {
    const ws = await createWorkspaceWithRoles("my-data");
    const released = await decidedLoop(ws, { marker: "EVIDENCE-released" });
    const drafted = await decidedLoop(ws, { marker: "EVIDENCE-drafted", offsetDays: 9 });
    const withdrawn = await decidedLoop(ws, { marker: "EVIDENCE-withdrawn", offsetDays: 11 });
    const releasedId = await writeReport(ws, released, "RELEASED-SUMMARY for the candidate", true);
    const draftId = await writeReport(ws, drafted, "DRAFT-ONLY summary the candidate never saw", false);
    await writeReport(ws, withdrawn, "WITHDRAWN summary", true);
    await ws.members.coach.caller.report.withdraw({ workspaceId: ws.id, loopId: withdrawn });
    // A later draft of the released report is not released either.
    await ws.members.coach.caller.report.saveDraft({
      workspaceId: ws.id,
      loopId: released,
      draft: { summary: "UNRELEASED-EDIT", strengths: [], growthAreas: [], excerpts: [] },
    });

    const candidate = ws.members.candidate;
    const data = await candidate.caller.account.exportMine();
    expect([data.format, data.version]).toEqual(["loopwise.personal-data", 1]);
    expect(data.account).toMatchObject({
      id: candidate.actor.userId,
      email: candidate.actor.email,
      name: candidate.actor.name,
    });
    expect(data.workspaces).toHaveLength(1);
    const [mine] = data.workspaces;
    expect(mine!.membership.role).toBe("Candidate");
    expect(mine!.loops.map((l) => l.id).sort()).toEqual([released, drafted, withdrawn].sort());
    expect(mine!.loops[0]!.rounds.length).toBeGreaterThanOrEqual(2);
    expect(mine!.loops[0]!.rounds.some((r) => r.startsAt !== null)).toBe(true);
    expect(mine!.reports.map((r) => r.id)).toEqual([releasedId]);
    expect(mine!.reports[0]!.content.summary).toBe("RELEASED-SUMMARY for the candidate");

    const text = JSON.stringify(data);
    for (const hidden of [
      "DRAFT-ONLY",
      "UNRELEASED-EDIT",
      "WITHDRAWN summary",
      "EVIDENCE-",
      "debrief notes",
      "rationale",
      "loop notes",
      draftId,
    ]) {
      expect(text, hidden).not.toContain(hidden);
    }
    // Nobody else's personal data: not the interviewer's email, nor the coach's.
    expect(text).not.toContain(ws.members.interviewer.actor.email);
    expect(text).not.toContain(ws.members.coach.actor.email);
    // Everything it reports about the person is theirs: the stored account matches.
    const user = await db.user.findUniqueOrThrow({ where: { id: candidate.actor.userId } });
    expect(data.account.timeZone).toBe(user.timeZone);
  });

  it("needs a session", async () => {
    const { callerFor, outcome } = await import("@/test/factories");
    expect(await outcome(callerFor(null).account.exportMine())).toBe("UNAUTHORIZED");
  });
});
