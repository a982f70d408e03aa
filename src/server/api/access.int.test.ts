// Tenant isolation and authorization, swept over every procedure of the app router.
import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Role } from "@/domain/roles";
import { callerFor, createWorkspaceWithRoles, outcome, snapshotWorkspace, type TestWorkspace } from "@/test/factories";
import { listProcedures, requiredReferenceKeys, sampleInput, type ProcedureInfo } from "@/test/procedures";
import { workspaceFixtures } from "@/test/sweep-fixtures";

const procedures = listProcedures();

function call(caller: ReturnType<typeof callerFor>, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/**
 * An invitation is found by its secret token and names the address it was sent to: someone signed in with
 * another address is told so (FORBIDDEN, "this invitation is for …"), which is how a person with two accounts
 * finds the right one. Every other procedure answers NOT_FOUND for another workspace's ids.
 */
const ADDRESSED_TO_SOMEONE_ELSE = new Set(["invitation.preview", "invitation.accept"]);

/** Whether the role holds the procedure's permission (the matrix below checks the table itself). */
const permitted = (p: ProcedureInfo, role: Role) => (p.meta?.permission ? can(role, p.meta.permission) : true);

describe("every procedure declares its access", () => {
  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(15);
  });
  it.each(procedures.map((p) => [p.path, p] as const))("%s has access meta", (_path, p) => {
    expect(["public", "authed", "workspace"]).toContain(p.meta?.access);
    if (p.meta?.access === "workspace") {
      expect(p.meta.permission, "workspace procedures name their permission").toBeTruthy();
      expect(p.inputSchema.required).toContain("workspaceId");
    }
  });
});

describe("cross-workspace sweep", () => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  let aRefs: Record<string, string>;
  beforeAll(async () => {
    a = await createWorkspaceWithRoles("sweep-a");
    b = await createWorkspaceWithRoles("sweep-b");
    aRefs = await workspaceFixtures(a, "sweep-a");
    await workspaceFixtures(b, "sweep-b");
  });

  const swept = procedures.filter((p) => p.meta?.access !== "public" && requiredReferenceKeys(p).length > 0);

  it("covers every workspace procedure", () => {
    const workspaceProcs = procedures.filter((p) => p.meta?.access === "workspace");
    expect(workspaceProcs.length).toBeGreaterThan(0);
    for (const p of workspaceProcs) expect(swept).toContain(p);
  });

  it.each(swept.map((p) => [p.path, p] as const))(
    "%s never reaches workspace A from workspace B",
    async (_path, p: ProcedureInfo) => {
      const before = await snapshotWorkspace(a.id);
      for (const role of ROLES) {
        const caller = b.members[role].caller;
        // A's workspace id and A's child ids.
        const direct = await outcome(call(caller, p.path, sampleInput(p, aRefs)));
        expect(`${role}: ${direct}`).toBe(
          `${role}: ${ADDRESSED_TO_SOMEONE_ELSE.has(p.path) ? "FORBIDDEN" : "NOT_FOUND"}`,
        );
        // B's own workspace id, with A's child ids.
        if (p.meta?.access === "workspace") {
          const mixed = await outcome(
            call(caller, p.path, sampleInput(p, { ...aRefs, workspaceId: b.id, slug: b.slug })),
          );
          const childKeys = requiredReferenceKeys(p).filter((k) => k !== "workspaceId");
          if (childKeys.length > 0) {
            // Another workspace's id looks exactly like an id that does not exist; a role without the
            // permission may be turned away before the lookup.
            const allowed = permitted(p, role) ? ["NOT_FOUND"] : ["NOT_FOUND", "FORBIDDEN"];
            expect(allowed.map((code) => `${role}: ${code}`)).toContain(`${role}: ${mixed}`);
          } else {
            // No child ids: the call acts on B itself, which is allowed; it must not be a server error.
            expect(mixed).not.toBe("INTERNAL_SERVER_ERROR");
          }
        }
      }
      expect(await snapshotWorkspace(a.id)).toEqual(before);
    },
  );

  it("signed-out callers get UNAUTHORIZED from every non-public procedure", async () => {
    const anonymous = callerFor(null);
    for (const p of procedures.filter((x) => x.meta?.access !== "public")) {
      expect(`${p.path}: ${await outcome(call(anonymous, p.path, sampleInput(p, aRefs)))}`).toBe(
        `${p.path}: UNAUTHORIZED`,
      );
    }
  });
});

// The expected matrix is written out here on purpose, independent of the permission table in
// src/domain/roles.ts, so a change to either shows up as a failure.
const EXPECTED: Record<string, readonly Role[]> = {
  "workspace.get": ["owner", "coach", "interviewer", "candidate"],
  "home.get": ["owner", "coach", "interviewer", "candidate"],
  "home.nudge": ["owner", "coach"],
  "workspace.update": ["owner"],
  "workspace.leave": ["owner", "coach", "interviewer", "candidate"],
  "workspace.delete": ["owner"],
  "member.list": ["owner", "coach", "interviewer"],
  "member.page": ["owner", "coach", "interviewer"],
  "member.changeRole": ["owner"],
  "member.remove": ["owner"],
  "member.erase": ["owner", "coach"],
  "invitation.list": ["owner"],
  "invitation.create": ["owner"],
  "invitation.resend": ["owner"],
  "invitation.revoke": ["owner"],
  "audit.list": ["owner"],
  "email.list": ["owner"],
  "email.retry": ["owner"],
  "webhook.list": ["owner"],
  "webhook.create": ["owner"],
  "webhook.update": ["owner"],
  "webhook.rotateSecret": ["owner"],
  "webhook.remove": ["owner"],
  "webhook.sendTest": ["owner"],
  "webhook.deliveries": ["owner"],
  "webhook.resend": ["owner"],
  "webhook.attempts": ["owner"],
  "library.list": ["owner", "coach"],
  "library.createRoundType": ["owner", "coach"],
  "library.updateRoundType": ["owner", "coach"],
  "library.archiveRoundType": ["owner", "coach"],
  "library.copyRoundType": ["owner", "coach"],
  "rubric.get": ["owner", "coach"],
  "rubric.compare": ["owner", "coach"],
  "rubric.export": ["owner", "coach"],
  "rubric.create": ["owner", "coach"],
  "rubric.copy": ["owner", "coach"],
  "rubric.archive": ["owner", "coach"],
  "rubric.import": ["owner", "coach"],
  "rubric.startDraft": ["owner", "coach"],
  "rubric.publish": ["owner", "coach"],
  "rubric.saveSignal": ["owner", "coach"],
  "rubric.removeSignal": ["owner", "coach"],
  "rubric.moveSignal": ["owner", "coach"],
  "rubric.saveRedFlag": ["owner", "coach"],
  "rubric.removeRedFlag": ["owner", "coach"],
  "question.list": ["owner", "coach"],
  "question.page": ["owner", "coach"],
  "question.save": ["owner", "coach"],
  "question.archive": ["owner", "coach"],
  "kit.list": ["owner", "coach", "interviewer"],
  "kit.get": ["owner", "coach", "interviewer"],
  "kit.rubric": ["owner", "coach", "interviewer"],
  "loop.templates": ["owner", "coach"],
  "loop.board": ["owner", "coach"],
  "loop.boardColumn": ["owner", "coach"],
  "loop.saveTemplate": ["owner", "coach"],
  "loop.archiveTemplate": ["owner", "coach"],
  "loop.list": ["owner", "coach"],
  "loop.get": ["owner", "coach"],
  "loop.create": ["owner", "coach"],
  "loop.setStatus": ["owner", "coach"],
  "loop.addRound": ["owner", "coach"],
  "loop.removeRound": ["owner", "coach"],
  "schedule.myAvailability": ["owner", "coach", "interviewer", "candidate"],
  "schedule.saveMyAvailability": ["owner", "coach", "interviewer", "candidate"],
  "schedule.mySchedule": ["owner", "coach", "interviewer", "candidate"],
  "schedule.importBusy": ["owner", "coach", "interviewer", "candidate"],
  "schedule.clearImportedBusy": ["owner", "coach", "interviewer", "candidate"],
  "schedule.agenda": ["owner", "coach", "interviewer"],
  "schedule.interviewers": ["owner", "coach"],
  "schedule.saveInterviewerSettings": ["owner", "coach"],
  "schedule.suggest": ["owner", "coach"],
  "schedule.book": ["owner", "coach"],
  "schedule.cancelRound": ["owner", "coach"],
  "schedule.restoreRound": ["owner", "coach"],
  "schedule.explain": ["owner", "coach"],
  "scorecard.open": ["owner", "coach", "interviewer"],
  "scorecard.save": ["owner", "coach", "interviewer"],
  "scorecard.submit": ["owner", "coach", "interviewer"],
  "scorecard.revise": ["owner", "coach", "interviewer"],
  "scorecard.listForLoop": ["owner", "coach", "interviewer"],
  "scorecard.rubric": ["owner", "coach", "interviewer"],
  "debrief.get": ["owner", "coach", "interviewer"],
  "debrief.decide": ["owner", "coach"],
  "debrief.reopen": ["owner", "coach"],
  "calibration.cohortPage": ["owner", "coach"],
  "calibration.interviewerPage": ["owner", "coach"],
  "calibration.summary": ["owner", "coach"],
  "analytics.get": ["owner", "coach"],
  "report.openDraft": ["owner", "coach"],
  "report.saveDraft": ["owner", "coach"],
  "report.release": ["owner", "coach"],
  "report.withdraw": ["owner", "coach"],
  "report.listReleased": ["owner", "coach"],
  "report.getReleased": ["owner", "coach"],
  "report.listMine": ["candidate"],
  "report.getMine": ["candidate"],
  "training.overview": ["owner", "coach"],
  "training.mine": ["owner", "coach", "interviewer"],
  "training.savePath": ["owner", "coach"],
  "training.removePath": ["owner", "coach"],
  "training.signOff": ["owner", "coach"],
  "training.revoke": ["owner", "coach"],
  "training.templates": ["owner", "coach"],
  "training.setAutoShadow": ["owner", "coach"],
  "exercise.list": ["owner", "coach", "interviewer"],
  "exercise.get": ["owner", "coach", "interviewer"],
  "exercise.submit": ["owner", "coach", "interviewer"],
  "exercise.create": ["owner", "coach"],
  "exercise.archive": ["owner", "coach"],
  "exercise.review": ["owner", "coach"],
  "exercise.howIRate": ["owner", "coach", "interviewer"],
  "apiKey.list": ["owner"],
  "apiKey.create": ["owner"],
  "apiKey.revoke": ["owner"],
  "workspaceExport.start": ["owner"],
  "workspaceExport.list": ["owner"],
  "workspaceExport.get": ["owner"],
  "workspaceExport.file": ["owner"],
};

describe("role matrix", () => {
  const gated = procedures.filter((p) => p.meta?.access === "workspace");

  it("lists every workspace procedure", () => {
    expect(gated.map((p) => p.path).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(gated.map((p) => [p.path, p] as const))("%s allows exactly its roles", async (path, p) => {
    const allowed = EXPECTED[path] ?? [];
    const seen: string[] = [];
    for (const role of ROLES) {
      // A fresh workspace per call: an allowed mutation may change it.
      const ws = await createWorkspaceWithRoles(`matrix-${role}`);
      const refs = await workspaceFixtures(ws, `matrix-${role}`);
      const result = await outcome(call(ws.members[role].caller, path, sampleInput(p, refs)));
      expect(result, `${path} as ${role}`).not.toBe("INTERNAL_SERVER_ERROR");
      seen.push(`${role}:${result === "FORBIDDEN" ? "denied" : "allowed"}`);
    }
    expect(seen).toEqual(ROLES.map((r) => `${r}:${allowed.includes(r) ? "allowed" : "denied"}`));
  });
});
