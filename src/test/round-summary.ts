// Each loop's round summary as kept on its row (migration 20261206003000_loop_round_summary) and as counted
// from its rounds, for tests that check the two agree after a write.
import { db } from "./factories";

type Summary = { active: number; scheduled: number; starts: string[] };

/** Per loop of the workspace, what its row keeps. */
export async function keptRoundSummaries(workspaceId: string): Promise<Record<string, Summary>> {
  const loops = await db.loop.findMany({
    where: { workspaceId },
    select: { id: true, activeRoundCount: true, scheduledRoundCount: true, activeRoundStarts: true },
  });
  return Object.fromEntries(
    loops.map((l) => [
      l.id,
      {
        active: l.activeRoundCount,
        scheduled: l.scheduledRoundCount,
        starts: l.activeRoundStarts.map((d) => d.toISOString()),
      },
    ]),
  );
}

/** Per loop of the workspace, counted from its rounds: not cancelled, booked, and the former's starts in order. */
export async function countedRoundSummaries(workspaceId: string): Promise<Record<string, Summary>> {
  const loops = await db.loop.findMany({
    where: { workspaceId },
    select: { id: true, rounds: { select: { status: true, startsAt: true } } },
  });
  return Object.fromEntries(
    loops.map((l) => {
      const active = l.rounds.filter((r) => r.status !== "cancelled");
      return [
        l.id,
        {
          active: active.length,
          scheduled: active.filter((r) => r.status === "scheduled").length,
          starts: active.flatMap((r) => (r.startsAt ? [r.startsAt.toISOString()] : [])).sort(),
        },
      ];
    }),
  );
}
