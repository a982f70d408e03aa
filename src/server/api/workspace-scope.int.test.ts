// Workspace procedures run in one transaction confined to the caller's workspace by row-level security
// (src/server/db/tenant.ts): a procedure that forgets its workspace filter still sees only that workspace,
// and a procedure that fails rolls back what it wrote.
import { beforeAll, describe, expect, it } from "vitest";
import { logger } from "@/server/logger";
import { createBookedLoop, createWorkspaceWithRoles, db, type TestWorkspace } from "@/test/factories";
import { createCallerFactory, createTRPCRouter, workspaceProcedure } from "./trpc";

describe("workspace procedures", () => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  beforeAll(async () => {
    [a, b] = await Promise.all([createWorkspaceWithRoles("scope-a"), createWorkspaceWithRoles("scope-b")]);
    await Promise.all(
      [a, b].map((ws) =>
        createBookedLoop(ws, {
          template: "entry-coding-focus",
          level: "entry",
          bookings: [[1, ws.members.interviewer]],
          offsetDays: 6,
        }),
      ),
    );
  });

  // A procedure that forgets its filters, and one that writes and then fails.
  const router = createTRPCRouter({
    leaky: workspaceProcedure.query(async ({ ctx }) => ({
      loops: await ctx.db.loop.findMany({ select: { workspaceId: true } }),
      raw: await ctx.db.$queryRaw<{ workspaceId: string }[]>`SELECT DISTINCT "workspaceId" FROM "rounds"`,
    })),
    failing: workspaceProcedure.mutation(async ({ ctx }) => {
      await ctx.db.auditEvent.create({
        data: { workspaceId: ctx.scope.workspaceId, action: "rls.rolled-back", targetType: "probe" },
      });
      throw new Error("fails after writing");
    }),
  });
  const callerOf = (ws: TestWorkspace) =>
    createCallerFactory(router)({ db, actor: ws.members.interviewer.actor, requestId: "rls", log: logger });

  it("run confined to the caller's workspace, so a forgotten where cannot cross workspaces", async () => {
    const { loops, raw } = await callerOf(a).leaky({ workspaceId: a.id });
    expect(loops.length).toBeGreaterThan(0);
    expect(new Set(loops.map((l) => l.workspaceId))).toEqual(new Set([a.id]));
    expect(raw).toEqual([{ workspaceId: a.id }]);
  });

  it("roll back what they wrote when they fail", async () => {
    await expect(callerOf(b).failing({ workspaceId: b.id })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await db.auditEvent.count({ where: { workspaceId: b.id, action: "rls.rolled-back" } })).toBe(0);
  });
});
