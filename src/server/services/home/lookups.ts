// Reads the home page's sections share: how far back they look, open loops, round type names, and rounds still waiting
// for their interviewer's scorecard.
import { type Tx } from "../scope";

export const DAY = 86_400_000;

/** Rounds further back than this (a year, like the calibration cohort) are not chased on a home page. */
export const LOOK_BACK_DAYS = 365;
export const OPEN_LOOP = { notIn: ["completed" as const, "cancelled" as const] };

export async function roundTypeNames(db: Tx, workspaceId: string, ids: string[]) {
  const types = await db.roundType.findMany({
    where: { workspaceId, id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, description: true },
  });
  return new Map(types.map((t) => [t.id, t]));
}

/** Rounds of `rounds` whose interviewer has not submitted a scorecard for them. */
export async function withoutSubmittedScorecard<R extends { id: string; interviewerMemberId: string | null }>(
  db: Tx,
  workspaceId: string,
  rounds: R[],
  memberOf: (r: R) => string | null = (r) => r.interviewerMemberId,
) {
  const submitted = await db.scorecard.findMany({
    where: { workspaceId, roundId: { in: rounds.map((r) => r.id) }, status: "submitted" },
    select: { roundId: true, interviewerMemberId: true },
  });
  const done = new Set(submitted.map((s) => `${s.roundId}|${s.interviewerMemberId}`));
  return rounds.filter((r) => !done.has(`${r.id}|${memberOf(r)}`));
}
