// How a loop moves through its life. Some moves happen by themselves (booking every round makes a loop
// "scheduled"); the rest are a coach's decision. Everything else is refused with a reason.

export const LOOP_STATUSES = [
  "draft",
  "scheduling",
  "scheduled",
  "in_progress",
  "debrief",
  "completed",
  "cancelled",
] as const;
export type LoopStatus = (typeof LOOP_STATUSES)[number];

/** Loops a board column's "Show more" brings at a time (its first page is the server's BOARD_PAGE). */
export const BOARD_MORE_PAGE = 20;

const ALLOWED: Record<LoopStatus, readonly LoopStatus[]> = {
  draft: ["scheduling", "cancelled"],
  scheduling: ["scheduled", "draft", "cancelled"],
  scheduled: ["in_progress", "scheduling", "cancelled"],
  in_progress: ["debrief", "cancelled"],
  debrief: ["completed", "in_progress"],
  completed: [],
  cancelled: [],
};

export function canMoveLoop(from: LoopStatus, to: LoopStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function loopMoveError(from: LoopStatus, to: LoopStatus): string | null {
  if (from === to) return null;
  if (canMoveLoop(from, to)) return null;
  if (ALLOWED[from].length === 0) return `This loop is ${from}; it can no longer change.`;
  return `A ${from.replace("_", " ")} loop can move to ${ALLOWED[from].map((s) => s.replace("_", " ")).join(" or ")}, not ${to.replace("_", " ")}.`;
}

/** The status a loop takes after its rounds change, given how many are scheduled. */
export function statusAfterBooking(current: LoopStatus, scheduledRounds: number, activeRounds: number): LoopStatus {
  if (current !== "draft" && current !== "scheduling" && current !== "scheduled") return current;
  if (activeRounds > 0 && scheduledRounds === activeRounds) return "scheduled";
  return scheduledRounds > 0 || current !== "draft" ? "scheduling" : current;
}

/**
 * How a round is named to people: its round type, with its place in the loop when the loop has more than
 * one round of that type ("Coding (round 2)"), so two rounds never read the same.
 */
export function roundLabels(rounds: { id: string; order: number; typeName: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of rounds) count.set(r.typeName, (count.get(r.typeName) ?? 0) + 1);
  return new Map(
    rounds.map((r) => [r.id, (count.get(r.typeName) ?? 0) > 1 ? `${r.typeName} (round ${r.order + 1})` : r.typeName]),
  );
}
