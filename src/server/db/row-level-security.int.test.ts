// Row-level security, the second layer under the services' workspace filters: inside a workspace-scoped
// transaction (role loopwise_app, app.workspace_id set) a query that forgets its `where` still sees and
// writes only that workspace's rows; without the setting the role sees nothing. The procedure builders
// that open such transactions are tested in src/server/api/workspace-scope.int.test.ts. (Catalog names are cast
// to text: adapter-pg 6.19 cannot read PostgreSQL's `name` type, prisma/orm#27403.)
import { runDueExports } from "@/server/exports/run";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, inWorkspaceScope } from "@/server/db/tenant";
import {
  createBookedLoop,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  submitScorecards,
  type TestWorkspace,
} from "@/test/factories";
import { workspaceFixtures } from "@/test/sweep-fixtures";

/** Every table with a workspaceId column, read from the migrated database (so new tables are covered). */
async function tenantTables(): Promise<string[]> {
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name::text AS table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name = 'workspaceId' ORDER BY 1`;
  return rows.map((r) => r.table_name);
}

/** The workspaces whose rows a query without any filter returns, per tenant table. */
type Tx = Parameters<Parameters<typeof inWorkspaceScope>[2]>[0];
async function visibleWorkspaces(tx: Tx, tables: string[]) {
  const seen: Record<string, { workspaceId: string; n: number }[]> = {};
  for (const table of tables) {
    // Table names come from the catalog above, not from input.
    seen[table] = await tx.$queryRawUnsafe<{ workspaceId: string; n: number }[]>(
      `SELECT "workspaceId", count(*)::int AS n FROM "${table}" GROUP BY 1`,
    );
  }
  seen.workspaces = await tx.$queryRawUnsafe<{ workspaceId: string; n: number }[]>(
    `SELECT "id" AS "workspaceId", count(*)::int AS n FROM "workspaces" GROUP BY 1`,
  );
  return seen;
}

/**
 * Rows of every kind in a workspace: library, invitation, outbox mail, loops, rounds, scorecards, debrief,
 * report, a calibration exercise and an attempt.
 */
async function populatedWorkspace(label: string): Promise<TestWorkspace> {
  const ws = await createWorkspaceWithRoles(label);
  const refs = await workspaceFixtures(ws, label);
  const exercise = await ws.members.interviewer.caller.exercise.get({
    workspaceId: ws.id,
    exerciseId: refs.exerciseId!,
  });
  await ws.members.interviewer.caller.exercise.submit({
    workspaceId: ws.id,
    exerciseId: exercise.id,
    ratings: Object.fromEntries(exercise.signals.map((s) => [s.key, { rating: 3 as const, evidence: "" }])),
  });
  const { loopId, rounds } = await createBookedLoop(ws, {
    template: "entry-coding-focus",
    level: "entry",
    bookings: [[1, ws.members.interviewer]],
    offsetDays: 5,
  });
  await submitScorecards(ws, [{ roundId: rounds[1]!.id, member: ws.members.interviewer, rate: () => 3 }]);
  await decideLoop(ws, loopId, label);
  // The fixtures queued a full export: writing it fills its chunks.
  await runDueExports(db, { max: 1, workspaceId: ws.id });
  return ws;
}

/** The owner acting in their workspace. */
const scopeOf = (ws: TestWorkspace) => ({ workspaceId: ws.id, userId: ws.members.owner.actor.userId });

describe("row-level security", () => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  let tables: string[];
  beforeAll(async () => {
    [a, b] = await Promise.all([populatedWorkspace("rls-a"), populatedWorkspace("rls-b")]);
    tables = await tenantTables();
  });

  it("every tenant table has row-level security and a policy for the app role, which may not read secrets", async () => {
    const rows = await db.$queryRaw<{ table: string; rls: boolean; policies: number; can_read: boolean }[]>`
      SELECT c.relname::text AS table, c.relrowsecurity AS rls,
             (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND ${APP_ROLE} = ANY (p.roles::text[])) AS policies,
             has_table_privilege(${APP_ROLE}, c.oid, 'SELECT') AS can_read
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`;
    const byTable = new Map(rows.map((r) => [r.table, r]));
    expect(tables.length).toBeGreaterThanOrEqual(20);
    const unprotected = [...tables, "workspaces", "users"].filter(
      (t) => !(byTable.get(t)?.rls && byTable.get(t)!.policies >= 1 && byTable.get(t)!.can_read),
    );
    expect(unprotected).toEqual([]);
    const readable = [
      "accounts",
      "sessions",
      "verification_tokens",
      "calendar_feeds",
      "rate_limits",
      "_prisma_migrations",
    ].filter((t) => byTable.get(t)?.can_read);
    expect(readable).toEqual([]);
    // The app role is an ordinary role: no superuser, no BYPASSRLS, no login of its own.
    const [role] = await db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }[]>`
      SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = ${APP_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });

  it("a raw SELECT without a where returns only the current workspace's rows, in every tenant table", async () => {
    const seen = await inWorkspaceScope(db, scopeOf(a), async (tx) => {
      const [who] = await tx.$queryRaw<{ user: string }[]>`SELECT current_user::text AS user`;
      expect(who?.user).toBe(APP_ROLE);
      return visibleWorkspaces(tx, tables);
    });
    const foreign = Object.entries(seen)
      .filter(([, rows]) => rows.some((r) => r.workspaceId !== a.id))
      .map(([t]) => t);
    expect(foreign).toEqual([]);
    // And the workspace's own rows are all there: every table the fixtures fill has some.
    const empty = Object.entries(seen)
      .filter(([, rows]) => rows.length === 0)
      .map(([t]) => t);
    expect(
      empty.filter((t) => !["scorecard_revisions", "feedback_report_versions", "scheduling_profiles"].includes(t)),
    ).toEqual([]);
    const direct = await db.dimension.count({ where: { workspaceId: a.id } });
    expect(seen.dimensions).toEqual([{ workspaceId: a.id, n: direct }]);
  });

  it("Prisma findMany without a where returns only the current workspace's rows", async () => {
    const [loops, members, workspaces, mail] = await inWorkspaceScope(db, scopeOf(b), (tx) =>
      Promise.all([tx.loop.findMany(), tx.membership.findMany(), tx.workspace.findMany(), tx.emailOutbox.findMany()]),
    );
    expect(loops.length).toBeGreaterThanOrEqual(2);
    expect(new Set(loops.map((l) => l.workspaceId))).toEqual(new Set([b.id]));
    expect(new Set(members.map((m) => m.workspaceId))).toEqual(new Set([b.id]));
    expect(workspaces.map((w) => w.id)).toEqual([b.id]);
    // Sign-in mail (no workspace) and other workspaces' mail stay out of sight too.
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.filter((m) => m.workspaceId !== b.id)).toEqual([]);
    // Looking another workspace's row up by its id finds nothing.
    const other = await db.loop.findFirstOrThrow({ where: { workspaceId: a.id } });
    expect(await inWorkspaceScope(db, scopeOf(b), (tx) => tx.loop.findUnique({ where: { id: other.id } }))).toBeNull();
  });

  it("writing a row for another workspace fails, and another workspace's rows cannot be changed or deleted", async () => {
    await expect(
      inWorkspaceScope(db, scopeOf(a), (tx) =>
        tx.auditEvent.create({ data: { workspaceId: b.id, action: "rls.probe", targetType: "probe" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const mine = await db.dimension.findFirstOrThrow({ where: { workspaceId: a.id } });
    // Moving a row into another workspace breaks the policy's WITH CHECK.
    await expect(
      inWorkspaceScope(db, scopeOf(a), (tx) =>
        tx.dimension.updateMany({ where: { id: mine.id }, data: { workspaceId: b.id } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await inWorkspaceScope(db, scopeOf(a), async (tx) => ({
      updated: (await tx.dimension.updateMany({ data: { name: "hijacked" }, where: { workspaceId: b.id } })).count,
      deleted: await tx.$executeRawUnsafe(`DELETE FROM "audit_events" WHERE "workspaceId" <> $1`, a.id),
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0 });
    expect(await db.dimension.count({ where: { workspaceId: b.id, name: "hijacked" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: b.id } })).toBeGreaterThan(0);
  });

  it("users can be read, but the app role changes only the acting person's own row", async () => {
    const [names, updated] = await inWorkspaceScope(db, scopeOf(a), async (tx) => [
      await tx.user.count({ where: { id: { in: [a.members.owner.actor.userId, b.members.owner.actor.userId] } } }),
      // A forgotten where: only the caller's own row changes.
      (
        await tx.user.updateMany({
          where: { id: { in: [a.members.owner.actor.userId, b.members.owner.actor.userId] } },
          data: { timeZone: "Europe/Oslo" },
        })
      ).count,
    ]);
    expect([names, updated]).toEqual([2, 1]);
    const zones = await db.user.findMany({
      where: { id: { in: [a.members.owner.actor.userId, b.members.owner.actor.userId] } },
      select: { id: true, timeZone: true },
    });
    expect(zones.find((u) => u.id === b.members.owner.actor.userId)?.timeZone).not.toBe("Europe/Oslo");
    expect(zones.find((u) => u.id === a.members.owner.actor.userId)?.timeZone).toBe("Europe/Oslo");
  });

  it("as the app role without app.workspace_id, every tenant table looks empty", async () => {
    const seen = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('role', ${APP_ROLE}, true)`;
      return visibleWorkspaces(tx, tables);
    });
    expect(
      Object.entries(seen)
        .filter(([, rows]) => rows.length > 0)
        .map(([t]) => t),
    ).toEqual([]);
    // The settings were transaction-local: the pooled connection is back to the owner role, unconfined.
    const [after] = await db.$queryRaw<
      { user: string; ws: string | null }[]
    >`SELECT current_user::text AS user, current_setting('app.workspace_id', true) AS ws`;
    expect(after?.user).not.toBe(APP_ROLE);
    expect(after?.ws ?? "").toBe("");
  });
});
