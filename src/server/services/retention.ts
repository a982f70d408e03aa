// Retention (docs/privacy.md): a workspace may ask for candidates' personal data to be erased N months
// after their last loop (workspaces.retentionMonths; off when null). The background job finds who is due
// and erases each with the same function as a coach's erasure, one candidate per transaction.
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { eraseCandidateMembership, eraseIdentityIfUnused } from "./erasure";

/** At most this many candidates per run: a large backlog is worked off over several runs. */
const BATCH = 50;

/**
 * Candidate memberships (not yet erased) in workspaces with a retention period whose last loop activity —
 * the latest of the membership's start, their loops' last change and their rounds' end — is older than
 * the period. A loop with a round still ahead keeps its candidate.
 */
export async function dueForPurge(db: Db, now: Date, workspaceId?: string) {
  return db.$queryRaw<{ workspaceId: string; memberId: string }[]>`
    SELECT m."workspaceId", m."id" AS "memberId"
    FROM "memberships" m
    JOIN "workspaces" w ON w."id" = m."workspaceId"
    JOIN "users" u ON u."id" = m."userId"
    WHERE w."retentionMonths" IS NOT NULL
      AND (${workspaceId ?? null}::text IS NULL OR m."workspaceId" = ${workspaceId ?? null})
      AND m."role" = 'candidate'
      AND u."erasedAt" IS NULL
      AND GREATEST(
            m."createdAt",
            (SELECT max(GREATEST(l."updatedAt", r."endsAt"))
             FROM "loops" l LEFT JOIN "rounds" r ON r."loopId" = l."id" AND r."workspaceId" = l."workspaceId"
             WHERE l."workspaceId" = m."workspaceId" AND l."candidateMemberId" = m."id")
          ) < ${now}::timestamp - make_interval(months => w."retentionMonths")
    ORDER BY m."workspaceId", m."id"
    LIMIT ${BATCH}`;
}

export interface PurgeReport {
  erased: number;
  accountsErased: number;
  failed: number;
}

/** Erases every candidate due (see `dueForPurge`), each in its own transaction; audited as "retention". */
export async function purgeExpiredCandidates(
  db: Db,
  opts: { now?: Date; workspaceId?: string } = {},
): Promise<PurgeReport> {
  const now = opts.now ?? new Date();
  const report: PurgeReport = { erased: 0, accountsErased: 0, failed: 0 };
  for (const due of await dueForPurge(db, now, opts.workspaceId)) {
    try {
      const accountErased = await db.$transaction(async (tx) => {
        const erased = await eraseCandidateMembership(tx, { ...due, actorId: null, by: "retention", now });
        return eraseIdentityIfUnused(tx, erased.userId);
      });
      report.erased++;
      if (accountErased) report.accountsErased++;
    } catch (err) {
      // Another process erased them first (or they stopped being a candidate): nothing to do.
      if (err instanceof AppError && (err.code === "CONFLICT" || err.code === "BAD_REQUEST")) continue;
      report.failed++;
      logger.error({ err, workspaceId: due.workspaceId, memberId: due.memberId }, "retention erasure failed");
    }
  }
  return report;
}
