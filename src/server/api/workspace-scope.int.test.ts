// Workspace procedures run in one transaction confined to the caller's workspace by row-level security
// (src/server/db/tenant.ts): a procedure that forgets its workspace filter still sees only that workspace,
// and a procedure that fails rolls back what it wrote.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { queryInTransaction, sqlPart } from "@/server/db";
import { logger } from "@/server/logger";
import { createSessionFor } from "@/server/services/session";
import {
  addMember,
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  outcome,
  type TestWorkspace,
} from "@/test/factories";
import { createContextFromHeaders } from "./context";
import { createCaller } from "./root";
import { createCallerFactory, createTRPCRouter, workspaceProcedure } from "./trpc";

// node-postgres reports a deprecation once per process: listen from the start of this file's process.
const driverWarnings: string[] = [];
process.on("warning", (warning) => driverWarnings.push(warning.message));

describe("workspace procedures", () => {
  const throughPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  afterAll(() => throughPrisma.$disconnect());
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
    // Prisma loads the relations of one query side by side, and services read in parallel.
    parallel: workspaceProcedure.query(({ ctx }) =>
      Promise.all([
        ctx.db.workspace.findUniqueOrThrow({
          where: { id: ctx.scope.workspaceId },
          include: { memberships: true, loops: { include: { rounds: true } }, roundTypes: true, dimensions: true },
        }),
        ctx.db.membership.count(),
        ctx.db.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`,
      ]),
    ),
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

  // The membership statement goes to the transaction's connection directly when it can reach it (a client
  // from getDb or serverAdapter); any other client goes through Prisma, under the same rules.
  it.each([
    ["reached directly", () => db],
    ["through Prisma", () => throughPrisma],
  ])(
    "confine the transaction and answer NOT_FOUND to a non-member when the connection is %s",
    async (_label, client) => {
      const caller = (ws: TestWorkspace) =>
        createCallerFactory(router)({
          db: client(),
          actor: ws.members.interviewer.actor,
          requestId: "rls",
          log: logger,
        });
      const { loops, raw } = await caller(b).leaky({ workspaceId: b.id });
      expect(new Set(loops.map((l) => l.workspaceId))).toEqual(new Set([b.id]));
      expect(raw).toEqual([{ workspaceId: b.id }]);
      expect(await outcome(caller(a).leaky({ workspaceId: b.id }))).toBe("NOT_FOUND");
    },
  );

  // Work a procedure leaves running after its transaction has ended (a timer, an unawaited promise) still
  // carries the request's async context. Its hot reads must not reach the connection the transaction ran on:
  // by then the pool may have handed it to another request's transaction, in another workspace.
  it("hot reads after the transaction has ended never use its released connection", async () => {
    let later: Promise<{ ws: string }[]> | undefined;
    const leaving = createTRPCRouter({
      leave: workspaceProcedure.query(() => {
        later = new Promise((resolve) => setTimeout(resolve, 150)).then(() =>
          queryInTransaction<{ ws: string }>(
            db,
            "scope-after-end",
            sqlPart`SELECT current_setting('app.workspace_id', true) AS ws`,
          ),
        );
        return "left";
      }),
      hold: workspaceProcedure.query(async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return "held";
      }),
    });
    const caller = (ws: TestWorkspace) =>
      createCallerFactory(leaving)({ db, actor: ws.members.interviewer.actor, requestId: "rls", log: logger });
    expect(await caller(a).leave({ workspaceId: a.id })).toBe("left");
    // Another workspace's request takes the connection just released (the pool hands out the last idle one).
    const held = caller(b).hold({ workspaceId: b.id });
    const rows = await later!;
    await held;
    expect(rows[0]?.ws ?? "").not.toBe(b.id);
    expect(rows[0]?.ws ?? "").toBe("");
  });

  it("plan a hot read once when asked to, for that statement only", async () => {
    const mode = sqlPart`SELECT current_setting('plan_cache_mode') AS mode`;
    const planning = createTRPCRouter({
      modes: workspaceProcedure.query(async ({ ctx }) => [
        ...(await queryInTransaction<{ mode: string }>(ctx.db, "plan-mode", mode, { genericPlan: true })),
        ...(await queryInTransaction<{ mode: string }>(ctx.db, "plan-mode", mode)),
      ]),
    });
    const caller = createCallerFactory(planning)({
      db,
      actor: a.members.interviewer.actor,
      requestId: "rls",
      log: logger,
    });
    expect((await caller.modes({ workspaceId: a.id })).map((r) => r.mode)).toEqual(["force_generic_plan", "auto"]);
  });

  it("read in parallel on their one connection, queued by us, not in the driver's deprecated queue", async () => {
    const [workspace, members, raw] = await callerOf(a).parallel({ workspaceId: a.id });
    expect(workspace.memberships).toHaveLength(members);
    expect(members).toBeGreaterThan(1);
    expect(workspace.loops.length).toBeGreaterThan(0);
    expect(workspace.loops.flatMap((l) => l.rounds).length).toBeGreaterThan(0);
    expect(workspace.roundTypes.length).toBeGreaterThan(0);
    expect(raw).toEqual([{ n: 1 }]);
    expect(driverWarnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("roll back what they wrote when they fail", async () => {
    await expect(callerOf(b).failing({ workspaceId: b.id })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await db.auditEvent.count({ where: { workspaceId: b.id, action: "rls.rolled-back" } })).toBe(0);
  });

  it("read the membership on every call: a role change, a removal and a sign-out apply to the very next request", async () => {
    const owner = a.members.owner.caller;
    const member = await addMember(a, "coach", "scope-next");
    const { sessionToken } = await createSessionFor(db, member.actor.userId);
    const request = async () => {
      const ctx = await createContextFromHeaders(new Headers({ cookie: `next-auth.session-token=${sessionToken}` }));
      return createCaller(ctx).loop.board({ workspaceId: a.id });
    };
    expect((await request()).columns.length).toBeGreaterThan(0);
    await owner.member.changeRole({ workspaceId: a.id, memberId: member.memberId, role: "candidate" });
    expect(await outcome(request())).toBe("FORBIDDEN");
    await owner.member.changeRole({ workspaceId: a.id, memberId: member.memberId, role: "coach" });
    expect((await request()).columns.length).toBeGreaterThan(0);
    await owner.member.remove({ workspaceId: a.id, memberId: member.memberId });
    expect(await outcome(request())).toBe("NOT_FOUND");
    await db.membership.create({ data: { workspaceId: a.id, userId: member.actor.userId, role: "coach" } });
    expect((await request()).columns.length).toBeGreaterThan(0);
    await db.session.delete({ where: { sessionToken } });
    expect(await outcome(request())).toBe("UNAUTHORIZED");
  });
});
