// The export queue: workspace_exports rows are claimed one at a time with FOR UPDATE SKIP LOCKED (any number
// of worker processes may run), written by writeExport, and settled. The claim is renewed with each progress
// update; a worker that dies leaves a claim that runs out, and another worker takes the export over. A run
// that fails is retried with backoff up to maxAttempts, then marked failed with its error: never dropped.
import { retryDelayMs, type BackoffPolicy } from "@/domain/backoff";
import { Prisma } from "@/generated/prisma/client";
import { asJson, type Db } from "@/server/db";
import { logger } from "@/server/logger";
import { writeExport } from "./write-export";

/** How long a claim lasts without a progress update (one batch of rows takes well under a second). */
export const EXPORT_CLAIM_MS = 2 * 60_000;
const EXPORT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 10 * 60_000 };
/** Progress is written at most this often (each write also renews the claim). */
const PROGRESS_EVERY_MS = 500;

interface Claimed {
  id: string;
  workspaceId: string;
  attempts: number;
  maxAttempts: number;
}

class ClaimLost extends Error {}

async function claimNext(db: Db, now: Date, workspaceId?: string): Promise<Claimed | null> {
  const only = workspaceId ?? null;
  const rows = await db.$queryRaw<Claimed[]>(Prisma.sql`
    UPDATE "workspace_exports" SET "status" = 'running', "attempts" = "attempts" + 1,
      "claimedUntil" = ${new Date(now.getTime() + EXPORT_CLAIM_MS)}, "startedAt" = COALESCE("startedAt", ${now})
    WHERE "id" = (
      SELECT e."id" FROM "workspace_exports" e
      WHERE ((e."status" = 'queued' AND e."nextAttemptAt" <= ${now})
         OR (e."status" = 'running' AND e."claimedUntil" < ${now}))
        AND (${only}::text IS NULL OR e."workspaceId" = ${only})
      ORDER BY e."nextAttemptAt" LIMIT 1
      FOR UPDATE OF e SKIP LOCKED)
    RETURNING "id", "workspaceId", "attempts", "maxAttempts"`);
  return rows[0] ?? null;
}

const held = (job: Claimed) => ({ id: job.id, status: "running" as const, attempts: job.attempts });

async function runClaimed(db: Db, job: Claimed): Promise<"succeeded" | "failed" | "retry"> {
  const ids = { workspaceId: job.workspaceId, exportId: job.id };
  try {
    // A previous attempt's pieces, if it died half-way.
    await db.workspaceExportChunk.deleteMany({ where: ids });
    let lastWrite = 0;
    const result = await writeExport(db, ids, async (done, total) => {
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      const renewed = await db.workspaceExport.updateMany({
        where: held(job),
        data: {
          progress: total ? Math.min(99, Math.floor((done / total) * 100)) : 0,
          claimedUntil: new Date(Date.now() + EXPORT_CLAIM_MS),
        },
      });
      if (renewed.count !== 1) throw new ClaimLost("Another worker took this export over.");
    });
    const settled = await db.workspaceExport.updateMany({
      where: held(job),
      data: {
        status: "succeeded",
        progress: 100,
        counts: asJson(result.counts),
        files: asJson(result.files),
        bytes: BigInt(result.bytes),
        claimedUntil: null,
        lastError: null,
        finishedAt: new Date(),
      },
    });
    if (settled.count !== 1) throw new ClaimLost("Another worker took this export over.");
    return "succeeded";
  } catch (err) {
    // Whoever holds the claim now owns the chunks: leave them alone.
    if (err instanceof ClaimLost) return "retry";
    const message = err instanceof Error ? err.message : String(err);
    logger.error({ err, exportId: job.id, attempt: job.attempts }, "workspace export failed");
    await db.workspaceExportChunk.deleteMany({ where: ids });
    const last = job.attempts >= job.maxAttempts;
    await db.workspaceExport.updateMany({
      where: held(job),
      data: last
        ? {
            status: "failed",
            claimedUntil: null,
            finishedAt: new Date(),
            lastError: `The export failed after ${job.attempts} attempts: ${message.slice(0, 500)}`,
          }
        : {
            status: "queued",
            claimedUntil: null,
            lastError: message.slice(0, 500),
            nextAttemptAt: new Date(Date.now() + retryDelayMs(job.attempts, EXPORT_BACKOFF, Math.random())),
          },
    });
    return last ? "failed" : "retry";
  }
}

/**
 * Runs due exports one after another, up to `max`. A claim taken over after a crash past its last attempt
 * is settled as failed without another run.
 */
export async function runDueExports(db: Db, options: { max: number; now?: Date; workspaceId?: string }) {
  const report = { succeeded: [] as string[], failed: [] as string[], retrying: [] as string[] };
  for (let i = 0; i < options.max; i++) {
    const job = await claimNext(db, options.now ?? new Date(), options.workspaceId);
    if (!job) break;
    if (job.attempts > job.maxAttempts) {
      await db.workspaceExport.updateMany({
        where: held(job),
        data: {
          status: "failed",
          claimedUntil: null,
          finishedAt: new Date(),
          lastError: `The export stopped ${job.maxAttempts} times without finishing (the worker was interrupted).`,
        },
      });
      report.failed.push(job.id);
      continue;
    }
    const outcome = await runClaimed(db, job);
    report[outcome === "retry" ? "retrying" : outcome].push(job.id);
  }
  return report;
}
