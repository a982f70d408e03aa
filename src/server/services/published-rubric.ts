// "The published rubric of a round type", defined once: scheduling pins it on a round, the kit shows it,
// and a scorecard is filled against it, so an interviewer always reads the rubric they are scored on.
import type { Db } from "@/server/db";
import type { Tx } from "./scope";

/**
 * The latest published version of the round type's oldest rubric that is not archived and has a published
 * version (a round type normally has one rubric; copies made later do not take over until the original
 * is archived). Null when the round type has nothing published.
 */
export async function publishedRubricVersionId(
  db: Db | Tx,
  workspaceId: string,
  roundTypeId: string,
): Promise<string | null> {
  const version = await db.rubricVersion.findFirst({
    where: { workspaceId, status: "published", rubric: { roundTypeId, archivedAt: null } },
    orderBy: [{ rubric: { createdAt: "asc" } }, { rubricId: "asc" }, { version: "desc" }],
    select: { id: true },
  });
  return version?.id ?? null;
}

/**
 * The rubric version a round's scorecards are scored against: the one pinned on the round (when it was
 * booked, or when its first scorecard was opened), else the round type's published rubric, which the first
 * booking or scorecard then pins. Null when neither exists.
 */
export async function roundRubricVersionId(
  db: Db | Tx,
  workspaceId: string,
  round: { rubricVersionId: string | null; roundTypeId: string },
): Promise<string | null> {
  return round.rubricVersionId ?? publishedRubricVersionId(db, workspaceId, round.roundTypeId);
}
