// Calibration exercises: an interviewer rates a practice case blind, then compares their ratings with the
// coach's reference and with the panel. Pure: the comparison, pass/fail by the coach's tolerance, when an
// exercise is due again, and when a drift in the interviewer's measured severity suggests it.

export type ExerciseRating = 1 | 2 | 3 | 4;

export interface ReferenceRating {
  rating: ExerciseRating;
  reason: string;
}

export interface Tolerance {
  /** Pass only when the mean absolute difference from the reference is at most this (rating points). */
  maxMeanDifference: number;
  /** Fail when any one signal differs from the reference by this much or more. */
  failAtDifference: number;
}

export interface SignalComparison {
  key: string;
  mine: ExerciseRating;
  reference: ExerciseRating;
  reason: string;
  /** mine − reference: positive means more generous than the reference. */
  difference: number;
  /** How many other interviewers (their latest attempt each) gave 1, 2, 3 and 4. */
  panel: [number, number, number, number];
}

export interface Comparison {
  signals: SignalComparison[];
  meanDifference: number;
  maxDifference: number;
  /** Mean of mine − reference: + means the interviewer rated this case more generously than the reference. */
  meanSignedDifference: number;
  passed: boolean;
  /** In words: why it passed or failed. */
  verdict: string;
}

/**
 * Compares one attempt with the reference, signal by signal, in the order of `keys` (the rubric's order).
 * `panel` holds other interviewers' ratings (one attempt each); only their counts are kept.
 */
export function compareWithReference(
  keys: string[],
  reference: Record<string, ReferenceRating>,
  mine: Record<string, ExerciseRating>,
  panel: Record<string, ExerciseRating>[],
  tolerance: Tolerance,
): Comparison {
  const signals: SignalComparison[] = keys.map((key) => {
    const ref = reference[key];
    const own = mine[key];
    if (!ref || own === undefined) throw new RangeError(`Signal "${key}" needs both a reference and a rating.`);
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    for (const other of panel) {
      const v = other[key];
      if (v !== undefined) counts[v - 1] = (counts[v - 1] ?? 0) + 1;
    }
    return { key, mine: own, reference: ref.rating, reason: ref.reason, difference: own - ref.rating, panel: counts };
  });
  if (signals.length === 0) throw new RangeError("An exercise compares at least one signal.");
  const abs = signals.map((s) => Math.abs(s.difference));
  const meanDifference = abs.reduce((a, b) => a + b, 0) / abs.length;
  const maxDifference = Math.max(...abs);
  const meanSignedDifference = signals.reduce((a, s) => a + s.difference, 0) / signals.length;
  const { passed, verdict } = judge(meanDifference, maxDifference, tolerance);
  return { signals, meanDifference, maxDifference, meanSignedDifference, passed, verdict };
}

/** Pass/fail by the coach's tolerance, with the reason in words. */
export function judge(
  meanDifference: number,
  maxDifference: number,
  tolerance: Tolerance,
): { passed: boolean; verdict: string } {
  // Means are compared with a hair of slack so that 0.5 computed as 1.5/3 still counts as 0.5.
  const meanOk = meanDifference <= tolerance.maxMeanDifference + 1e-9;
  const maxOk = maxDifference < tolerance.failAtDifference;
  const mean = meanDifference.toFixed(2);
  if (meanOk && maxOk)
    return {
      passed: true,
      verdict: `Passed: on average ${mean} points from the reference (at most ${tolerance.maxMeanDifference} allowed), and no signal ${tolerance.failAtDifference} or more points off.`,
    };
  const reasons = [
    ...(meanOk
      ? []
      : [`on average ${mean} points from the reference (at most ${tolerance.maxMeanDifference} allowed)`]),
    ...(maxOk ? [] : [`a signal was ${maxDifference} points off (${tolerance.failAtDifference} or more fails)`]),
  ];
  return { passed: false, verdict: `Not passed: ${reasons.join("; ")}.` };
}

export interface AttemptSummary {
  submittedAt: Date;
  passed: boolean;
  severityAtAttempt: number | null;
}

export interface ExerciseState {
  /** new: never rated; due: rated, and the recurrence says rate it again; done: rated and not due. */
  state: "new" | "due" | "done";
  lastAttempt: AttemptSummary | null;
  /** When it is (or was) due again; null when it does not recur or was never rated. */
  dueAt: Date | null;
  /** Severity now minus severity at the last attempt (or minus 0, the panel's average, before any). */
  drift: number | null;
  /** The drift reached the exercise's threshold: suggest the exercise (even when not due by recurrence). */
  suggested: boolean;
  /** Why it is suggested or due, in words; null when neither. */
  why: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Where an interviewer stands with one exercise. `attempts` are theirs (any order); `severityNow` is their
 * severity in the stored cohort fit (null when not measured). Drift is measured from the severity they had
 * at their last attempt that recorded one, else from 0 (the panel's average: severities are relative to it).
 */
export function exerciseState(
  attempts: AttemptSummary[],
  rules: { recurDays: number | null; driftThreshold: number | null },
  severityNow: number | null,
  now: Date,
): ExerciseState {
  const sorted = [...attempts].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  const last = sorted[0] ?? null;
  const baseline = sorted.find((a) => a.severityAtAttempt !== null)?.severityAtAttempt ?? 0;
  const drift = severityNow === null ? null : severityNow - baseline;
  const dueAt =
    last && rules.recurDays !== null ? new Date(last.submittedAt.getTime() + rules.recurDays * DAY_MS) : null;
  const state = !last ? "new" : dueAt && dueAt.getTime() <= now.getTime() ? "due" : "done";
  // A suggestion waits for new evidence: right after an attempt, the drift is measured from that attempt.
  const suggested = rules.driftThreshold !== null && drift !== null && Math.abs(drift) >= rules.driftThreshold - 1e-9;
  const direction = drift !== null && drift > 0 ? "more lenient" : "stricter";
  const why = suggested
    ? `Suggested: your ratings have become ${direction} by ${Math.abs(drift).toFixed(2)} points ${last ? "since your last attempt" : "than the panel's average"} (the coach's threshold is ${rules.driftThreshold}).`
    : state === "due"
      ? `Due again: it recurs every ${rules.recurDays} days.`
      : null;
  return { state, lastAttempt: last, dueAt, drift, suggested, why };
}

/** Whether an interviewer may rate the exercise now (blind): never rated, due again, or suggested by drift. */
export function mayAttempt(s: ExerciseState): boolean {
  return s.state !== "done" || s.suggested;
}
