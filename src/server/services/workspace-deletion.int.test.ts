// An owner deletes a workspace (typing its name): every row of it goes, in every table; nobody else can.
import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db, outcome, snapshotWorkspace } from "@/test/factories";
import { decidedLoop } from "@/test/factories";
import { writeReport } from "@/test/privacy-fixtures";

describe("deleting a workspace", () => {
  it("is for owners only, with the workspace's name typed", async () => {
    const ws = await createWorkspaceWithRoles("ws-delete-rules");
    const { name } = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    for (const role of ["coach", "interviewer", "candidate"] as const) {
      expect(await outcome(ws.members[role].caller.workspace.delete({ workspaceId: ws.id, confirmName: name }))).toBe(
        "FORBIDDEN",
      );
    }
    expect(
      await outcome(ws.members.owner.caller.workspace.delete({ workspaceId: ws.id, confirmName: `${name}x` })),
    ).toBe("BAD_REQUEST");
    expect(await db.workspace.count({ where: { id: ws.id } })).toBe(1);
    const other = await createWorkspaceWithRoles("ws-delete-other");
    expect(await outcome(other.members.owner.caller.workspace.delete({ workspaceId: ws.id, confirmName: name }))).toBe(
      "NOT_FOUND",
    );
  });

  it("removes every row of the workspace from every table, and leaves other workspaces alone", async () => {
    const ws = await createWorkspaceWithRoles("ws-delete");
    const other = await createWorkspaceWithRoles("ws-delete-keep");
    const loopId = await decidedLoop(ws, { marker: "delete-me" });
    await writeReport(ws, loopId, "A released report", true);
    await decidedLoop(other, { marker: "keep-me" });
    const kept = await snapshotWorkspace(other.id);
    const full = await snapshotWorkspace(ws.id);
    for (const table of ["scorecards", "debriefs", "feedback_reports", "loops", "audit_events", "email_outbox"])
      expect(full[table]?.length, table).toBeGreaterThan(0);

    const { name } = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    expect(await ws.members.owner.caller.workspace.delete({ workspaceId: ws.id, confirmName: ` ${name} ` })).toEqual({
      deleted: true,
    });
    const left = Object.entries(await snapshotWorkspace(ws.id)).filter(([, rows]) => rows.length > 0);
    expect(left).toEqual([]);
    expect(await snapshotWorkspace(other.id)).toEqual(kept);
    // People keep their accounts; they just have one workspace fewer.
    expect(await db.user.count({ where: { id: ws.members.candidate.actor.userId } })).toBe(1);
  });
});
