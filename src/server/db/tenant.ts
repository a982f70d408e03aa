// Row-level security, the second layer under the `workspaceId` filters in the services: a workspace-scoped
// request runs its database work in one transaction that first becomes the role `loopwise_app` and sets
// `app.workspace_id` (both transaction-local, so they end with the transaction and never leak to the next
// user of the pooled connection), and names the acting user in `app.user_id`. The policies (migration 20261203073500_row_level_security) then show
// that role only the rows of that workspace and refuse rows for any other, even to a query that forgot
// its `where`. Everything else (sign-in, the workspace list, invitation acceptance by token, calendar
// feeds, the outbox worker, start-up jobs) runs as the connecting role, which owns the tables and so is
// not subject to the policies. Embedded PGlite: see `rowLevelSecurityApplies`.
import type { Role } from "@/domain/roles";
import { withTransactionConnection, type Db, type Prisma } from "@/server/db";
import { databaseKind } from "@/server/env";

/** The role of workspace-scoped transactions; created by the migration, cluster-wide. */
export const APP_ROLE = "loopwise_app";

/**
 * How long one workspace-scoped request may hold its transaction (and so a pooled connection). Prisma's
 * default of 5 s is too short for the heaviest pages (calibration, slot search over a large pool); waiting
 * to start one keeps Prisma's default (2 s), which answers 503 when the pool is exhausted.
 */
export const WORKSPACE_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * True against a PostgreSQL server. The embedded PGlite database has the same roles and policies (the
 * migrations are the same), but requests do not switch to the role there: PGlite is one in-process
 * connection, so a transaction held for a whole request would queue every other request behind it, and a
 * query that goes around the transaction (the rate-limit store shares the instance) would wait for it
 * until it timed out. Embedded mode is for one person trying Loopwise on one machine.
 */
export function rowLevelSecurityApplies(): boolean {
  return databaseKind() === "server";
}

/**
 * Runs `fn` with a client confined to one workspace: on a server, inside a transaction as `loopwise_app`
 * with `app.workspace_id` set; embedded, on the client as given. Services inside call `inTransaction`,
 * which joins this transaction rather than starting another.
 */
export async function inWorkspaceScope<T>(
  db: Db,
  scope: { workspaceId: string; userId: string },
  fn: (db: Db | Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  if (!rowLevelSecurityApplies()) return fn(db);
  return db.$transaction(
    async (tx) => {
      // set_config(…, true) is SET LOCAL: undone at commit or rollback. app.user_id names the one users row
      // the role may change (the caller's own).
      await tx.$queryRaw`SELECT set_config('app.workspace_id', ${scope.workspaceId}, true), set_config('app.user_id', ${scope.userId}, true), set_config('role', ${APP_ROLE}, true)`;
      return fn(tx);
    },
    { timeout: WORKSPACE_TRANSACTION_TIMEOUT_MS },
  );
}

/** The caller's membership of the workspace a request names. */
export interface Membership {
  id: string;
  role: Role;
}

/**
 * inWorkspaceScope for a request: the caller's membership is read by the statement that confines the
 * transaction (one statement instead of two on every call), and `fn` gets it, or null when the user is no
 * member (then nothing was confined, and `fn` must throw: the transaction rolls back). The lookup runs as the
 * connecting role: a statement's row-level security and permissions are settled when it starts, so the role
 * it switches to applies from the next statement on. Embedded: the membership is read on its own.
 */
export async function inMemberScope<T>(
  db: Db,
  scope: { workspaceId: string; userId: string },
  fn: (membership: Membership | null, db: Db | Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  if (!rowLevelSecurityApplies()) {
    const membership = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: scope.workspaceId, userId: scope.userId } },
      select: { id: true, role: true },
    });
    return fn(membership, db);
  }
  return withTransactionConnection((connection) =>
    db.$transaction(
      async (tx) => {
        const values = [scope.workspaceId, scope.userId, APP_ROLE];
        // On the transaction's own connection, the prepared statement skips Prisma's compile step, which
        // cost more CPU than the statement (issue #16); through Prisma when the connection is not reachable.
        const client = connection();
        const rows = client
          ? (await client.query<{ id: string; role: Role }>({ name: "member-scope", text: MEMBER_SCOPE_SQL, values }))
              .rows
          : await tx.$queryRawUnsafe<{ id: string; role: Role }[]>(MEMBER_SCOPE_SQL, ...values);
        const row = rows[0];
        return fn(row ? { id: row.id, role: row.role } : null, tx);
      },
      { timeout: WORKSPACE_TRANSACTION_TIMEOUT_MS },
    ),
  );
}

/** The caller's membership, read by the statement that confines the transaction: $1 workspace, $2 user, $3 role. */
const MEMBER_SCOPE_SQL = `
  SELECT m."id", m."role"::text AS "role",
    set_config('app.workspace_id', $1, true), set_config('app.user_id', $2, true), set_config('role', $3, true)
  FROM "memberships" m
  WHERE m."workspaceId" = $1 AND m."userId" = $2`;

/**
 * Runs `fn` on the same transaction as the connecting (owner) role, then hands the transaction back to
 * `loopwise_app` if it had it. Only erasure uses it (src/server/services/erasure.ts): erasing a candidate
 * from a workspace's members page is one workspace-scoped request, but it must also anonymise the person's
 * `users` row and delete their sessions, accounts and calendar feeds, which `loopwise_app` may not touch.
 * Keeping it in the request's transaction keeps the erasure atomic; the callers filter by the person's id.
 */
export async function asOwnerRole<T>(tx: Prisma.TransactionClient, fn: () => Promise<T>): Promise<T> {
  const [{ role }] = await tx.$queryRaw<[{ role: string }]>`SELECT current_user::text AS role`;
  if (role !== APP_ROLE) return fn();
  await tx.$queryRaw`SELECT set_config('role', 'none', true)`;
  const result = await fn();
  await tx.$queryRaw`SELECT set_config('role', ${APP_ROLE}, true)`;
  return result;
}
