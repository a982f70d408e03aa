// The attempt log of webhook deliveries: every attempt a row (number, start, duration, status or error,
// the start of the answer), written by the delivery worker in the transaction that records the attempt's
// outcome, and deleted after WEBHOOK_ATTEMPT_RETENTION_DAYS by the hourly retention job.
import { ATTEMPT_ERROR_CHARS, WEBHOOK_ATTEMPT_RETENTION_DAYS } from "@/domain/webhooks";
import type { Db, Prisma } from "@/server/db";
import type { PostResult } from "./http";

/** Adds an attempt to a delivery's log, numbered after the last one (a resend goes on counting). */
export async function recordAttempt(
  tx: Prisma.TransactionClient,
  delivery: { id: string; workspaceId: string },
  result: PostResult & { startedAt: Date },
) {
  // The caller holds the delivery's claim and has just updated its row (locked until commit), so no other
  // worker numbers an attempt of this delivery at the same time.
  const last = await tx.webhookAttempt.findFirst({
    where: { workspaceId: delivery.workspaceId, deliveryId: delivery.id },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  await tx.webhookAttempt.create({
    data: {
      workspaceId: delivery.workspaceId,
      deliveryId: delivery.id,
      number: (last?.number ?? 0) + 1,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      statusCode: result.status,
      errorClass: result.errorClass,
      errorMessage: result.error?.slice(0, ATTEMPT_ERROR_CHARS) ?? null,
      responseExcerpt: result.excerpt,
    },
  });
}

/** Rows deleted per statement, and statements per run: a large backlog is worked off over several runs. */
const PURGE_BATCH = 5_000;
const PURGE_BATCHES_PER_RUN = 20;

/** Deletes attempts older than the retention period, across workspaces (as the owning role). */
export async function purgeOldWebhookAttempts(db: Db, now = new Date(), batch = PURGE_BATCH): Promise<number> {
  const cutoff = new Date(now.getTime() - WEBHOOK_ATTEMPT_RETENTION_DAYS * 24 * 60 * 60_000);
  let deleted = 0;
  for (let i = 0; i < PURGE_BATCHES_PER_RUN; i++) {
    const count = await db.$executeRaw`
      DELETE FROM "webhook_attempts" WHERE "id" IN (
        SELECT "id" FROM "webhook_attempts" WHERE "startedAt" < ${cutoff} ORDER BY "startedAt" LIMIT ${batch})`;
    deleted += count;
    if (count < batch) break;
  }
  return deleted;
}
