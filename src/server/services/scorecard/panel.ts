// The scorecards of a loop's panel, and independence: no peeking at the others' before submitting one's own.
import { AppError, notFound } from "@/server/errors";
import { type Scope, type Tx } from "../scope";
import { present } from "./my-scorecard";

/**
 * The scorecards of a loop. Coaches see them all; an interviewer sees the others' only after submitting
 * their own for this loop (independence, enforced here and not only in the UI). Whoever asks, another
 * person's draft is unfinished work: it is listed with its status only, and its content is not even read.
 */
export async function listLoopScorecards(db: Tx, scope: Scope, input: { loopId: string }) {
  const loop = await db.loop.findFirst({
    where: { id: input.loopId, workspaceId: scope.workspaceId },
    select: { id: true },
  });
  if (!loop) throw notFound("That loop");
  await assertMaySeePanel(db, scope, loop.id);
  const inLoop = { workspaceId: scope.workspaceId, loopId: loop.id };
  const [visible, otherDrafts] = await Promise.all([
    db.scorecard.findMany({
      where: { ...inLoop, OR: [{ status: "submitted" }, { interviewerMemberId: scope.memberId }] },
      orderBy: { createdAt: "asc" },
      include: { revisions: { select: { id: true, version: true, reason: true, createdAt: true } } },
    }),
    db.scorecard.findMany({
      where: { ...inLoop, status: "draft", interviewerMemberId: { not: scope.memberId } },
      orderBy: { createdAt: "asc" },
      select: { id: true, roundId: true, interviewerMemberId: true },
    }),
  ]);
  return [
    ...visible.map((c) => ({
      ...present(c),
      roundId: c.roundId,
      interviewerMemberId: c.interviewerMemberId,
      revisions: c.revisions,
      content: true as const,
    })),
    ...otherDrafts.map((c) => ({
      id: c.id,
      status: "draft" as const,
      roundId: c.roundId,
      interviewerMemberId: c.interviewerMemberId,
      content: false as const,
    })),
  ];
}

export async function assertMaySeePanel(db: Tx, scope: Scope, loopId: string) {
  if (seesWholePanel(scope)) return;
  const own = await db.scorecard.findFirst({
    where: { workspaceId: scope.workspaceId, loopId, interviewerMemberId: scope.memberId, status: "submitted" },
    select: { id: true },
  });
  assertPanelOpen(scope, own !== null);
}

/**
 * `assertMaySeePanel` for a page that has already read the loop's submitted scorecards: `ownSubmitted` is
 * whether one of them is the caller's.
 */
export function assertPanelOpen(scope: Scope, ownSubmitted: boolean) {
  // A state, not a role: it opens up once their own scorecard is in.
  if (!seesWholePanel(scope) && !ownSubmitted)
    throw new AppError("CONFLICT", "Submit your own scorecard for this loop first; then you can see the others'.");
}

const seesWholePanel = (scope: Scope) => scope.role === "owner" || scope.role === "coach";
