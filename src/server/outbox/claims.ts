// Claims on queued deliveries, shared by the email outbox (email_outbox) and webhook deliveries
// (webhook_deliveries). Both tables have the same queue columns: status ('pending' → 'sending' → done),
// attempts, nextAttemptAt, lockedUntil and workspaceId. A claim is an UPDATE over rows picked with
// FOR UPDATE SKIP LOCKED, so any number of workers in any number of processes can run against one database;
// the claim raises `attempts`, and that count identifies the claim: only its holder may renew or settle the
// row. A claim never finished (a crashed worker) expires at lockedUntil and another worker takes the row over.
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/services/scope";

export type QueueTable = "email_outbox" | "webhook_deliveries";

export interface ClaimedRow {
  id: string;
  attempts: number;
  nextAttemptAt: Date;
}

export interface ClaimOptions {
  now: Date;
  /** How long the claim lasts; renewed before each send (renewClaim), so it must outlast one send. */
  claimMs: number;
  batchSize: number;
  /** Only this workspace's rows (a test's own, while other suites share the database). */
  workspaceId?: string;
  /** A further condition on the candidate rows (alias `q`), e.g. that a webhook's endpoint is enabled. */
  where?: Prisma.Sql;
}

/**
 * Claims up to `batchSize` due rows (pending and due, or sending with an expired claim) and returns `columns`
 * of each, oldest due first.
 */
export async function claimDue<T extends ClaimedRow>(
  db: Tx,
  table: QueueTable,
  columns: readonly (keyof T & string)[],
  options: ClaimOptions,
): Promise<T[]> {
  const name = Prisma.raw(`"${table}"`);
  const only = options.workspaceId ?? null;
  const returning = Prisma.raw(
    [...new Set(["id", "attempts", "nextAttemptAt", ...columns])].map((c) => `"${c}"`).join(", "),
  );
  const rows = await db.$queryRaw<T[]>(Prisma.sql`
    UPDATE ${name} SET "status" = 'sending', "lockedUntil" = ${new Date(options.now.getTime() + options.claimMs)},
      "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT q."id" FROM ${name} q
      WHERE ((q."status" = 'pending' AND q."nextAttemptAt" <= ${options.now})
         OR (q."status" = 'sending' AND q."lockedUntil" < ${options.now}))
        AND (${only}::text IS NULL OR q."workspaceId" = ${only})
        AND ${options.where ?? Prisma.sql`TRUE`}
      ORDER BY q."nextAttemptAt"
      LIMIT ${options.batchSize}
      FOR UPDATE OF q SKIP LOCKED
    )
    RETURNING ${returning}`);
  // UPDATE … RETURNING gives rows in no particular order: hand them out oldest first, as claimed.
  return rows.sort(
    (a, b) => new Date(a.nextAttemptAt).getTime() - new Date(b.nextAttemptAt).getTime() || (a.id < b.id ? -1 : 1),
  );
}

/**
 * Extends the claim on one row right before its send, or answers false when the claim is no longer ours.
 * A batch is claimed at once but sent one by one, so while earlier sends hung a later row's claim may have
 * run out and another worker taken it over; sending it anyway would deliver it twice.
 */
export async function renewClaim(db: Tx, table: QueueTable, row: ClaimedRow, until: Date): Promise<boolean> {
  const count = await db.$executeRaw(Prisma.sql`
    UPDATE ${Prisma.raw(`"${table}"`)} SET "lockedUntil" = ${until}
    WHERE "id" = ${row.id} AND "status" = 'sending' AND "attempts" = ${row.attempts}`);
  return count === 1;
}

/** The where clause (Prisma) that matches a row only while this claim holds it: for settling it. */
export function claimHeld(row: ClaimedRow) {
  return { id: row.id, status: "sending" as const, attempts: row.attempts };
}
