// Rules behind each person's home page: when a scorecard is due, when a loop is ready for its debrief.
// Pure, so the page, the reminders and the tests read the same definitions.

/** A scorecard is due this long after its round ends; reminders start an hour after the end. */
export const SCORECARD_DUE_HOURS = 24;
/** A coach may nudge an interviewer about one round at most this often. */
export const NUDGE_INTERVAL_HOURS = 12;
/** Each list on a home page shows at most this many items, with the total beside it. */
export const HOME_LIST_LIMIT = 8;

export function scorecardDueAt(roundEndsAt: Date): Date {
  return new Date(roundEndsAt.getTime() + SCORECARD_DUE_HOURS * 3_600_000);
}

export interface LoopRoundState {
  status: "unscheduled" | "scheduled" | "cancelled";
  endsAt: Date | null;
  /** The round's interviewer has submitted their scorecard. */
  submitted: boolean;
}

/**
 * A loop is ready for its debrief when it has at least one round that counts (not cancelled), every such
 * round has taken place, and each has its interviewer's submitted scorecard.
 */
export function readyForDebrief(rounds: LoopRoundState[], now: Date): boolean {
  const active = rounds.filter((r) => r.status !== "cancelled");
  return (
    active.length > 0 &&
    active.every((r) => r.status === "scheduled" && r.endsAt !== null && r.endsAt <= now && r.submitted)
  );
}
