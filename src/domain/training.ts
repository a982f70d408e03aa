// Interviewer training paths: who may lead a round type, and how far a trainee is along its path.
// Pure: the training service, the slot suggestions and the pages all read these rules.

export interface PathRequirement {
  shadowsRequired: number;
  reverseShadowsRequired: number;
  /** A passed calibration exercise of the round type is a step too (after the rounds, before sign-off). */
  exerciseRequired?: boolean;
}

/** A booked round of the path's round type that the trainee took part in, as lead or as shadow. */
export interface TrainingRound {
  roundId: string;
  startsAt: Date;
  leadId: string | null;
  shadowId: string | null;
  /** The trainee's own scorecard for this round is submitted. */
  traineeSubmitted: boolean;
}

export type TrainingStage = "shadow" | "reverse_shadow" | "exercise" | "sign_off" | "qualified";

export interface TrainingProgress {
  stage: TrainingStage;
  shadows: { done: number; required: number; roundIds: string[] };
  reverseShadows: { done: number; required: number; roundIds: string[] };
  /** Whether the path asks for a passed calibration exercise, and whether the trainee has one. */
  exercise: { required: boolean; passed: boolean };
  /** What the trainee does next, in plain words. */
  next: string;
}

/**
 * Counts a trainee's progress from real rounds. A shadow counts when they shadowed the round; a
 * reverse-shadow when they led it with a qualified interviewer shadowing; either only once the trainee's
 * own scorecard for it is submitted. Counts are capped at the requirement. When the path asks for it, a
 * passed calibration exercise (their latest attempt at an active exercise of the type) comes last.
 */
export function trainingProgress(
  traineeId: string,
  requirement: PathRequirement,
  rounds: readonly TrainingRound[],
  isQualified: (memberId: string) => boolean,
  qualified = false,
  exercisePassed = false,
): TrainingProgress {
  const counted = rounds.filter((r) => r.traineeSubmitted).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const shadowIds = counted.filter((r) => r.shadowId === traineeId && r.leadId !== traineeId).map((r) => r.roundId);
  const reverseIds = counted
    .filter((r) => r.leadId === traineeId && !!r.shadowId && r.shadowId !== traineeId && isQualified(r.shadowId))
    .map((r) => r.roundId);
  const shadows = {
    done: Math.min(shadowIds.length, requirement.shadowsRequired),
    required: requirement.shadowsRequired,
    roundIds: shadowIds,
  };
  const reverseShadows = {
    done: Math.min(reverseIds.length, requirement.reverseShadowsRequired),
    required: requirement.reverseShadowsRequired,
    roundIds: reverseIds,
  };
  const exercise = { required: requirement.exerciseRequired === true, passed: exercisePassed };
  const stage: TrainingStage = qualified
    ? "qualified"
    : shadows.done < shadows.required
      ? "shadow"
      : reverseShadows.done < reverseShadows.required
        ? "reverse_shadow"
        : exercise.required && !exercise.passed
          ? "exercise"
          : "sign_off";
  return { stage, shadows, reverseShadows, exercise, next: nextStep(stage, shadows, reverseShadows) };
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function nextStep(
  stage: TrainingStage,
  shadows: TrainingProgress["shadows"],
  reverse: TrainingProgress["reverseShadows"],
): string {
  switch (stage) {
    case "qualified":
      return "You are qualified: you can lead these rounds.";
    case "shadow":
      return `Shadow ${plural(shadows.required - shadows.done, "more round")} and submit your scorecard for each.`;
    case "reverse_shadow":
      return `Lead ${plural(reverse.required - reverse.done, "more round")} with a qualified interviewer shadowing you, and submit your scorecard for each.`;
    case "exercise":
      return "Pass a calibration exercise of this round type (on the Exercises page): rate the practice case, then compare with the reference.";
    case "sign_off":
      return "All steps done: a coach signs you off next.";
  }
}

/** The round types that have a path, and who is qualified for which (keys `${memberId}:${roundTypeId}`). */
export interface LeadRules {
  pathRoundTypeIds: ReadonlySet<string>;
  qualified: ReadonlySet<string>;
}

export function qualificationKey(memberId: string, roundTypeId: string) {
  return `${memberId}:${roundTypeId}`;
}

/** A member may lead a round type that has no path, or one they are qualified for. */
export function canLead(rules: LeadRules, memberId: string, roundTypeId: string): boolean {
  return !rules.pathRoundTypeIds.has(roundTypeId) || rules.qualified.has(qualificationKey(memberId, roundTypeId));
}

/** A member in a round type's pool is its trainee while the type has a path they are not qualified for. */
export function isTrainee(rules: LeadRules, memberId: string, roundTypeId: string): boolean {
  return !canLead(rules, memberId, roundTypeId);
}

/**
 * Whom suggestions add as the shadow of a round: among the free trainees who still need shadows, the one
 * furthest from finishing them (fewest counted), then the earliest listed; nobody when none is free.
 */
export function pickShadow(
  trainees: readonly { memberId: string; shadowsDone: number; shadowsRequired: number }[],
  isFree: (memberId: string) => boolean,
): string | null {
  const needing = trainees.filter((t) => t.shadowsDone < t.shadowsRequired && isFree(t.memberId));
  return [...needing].sort((a, b) => a.shadowsDone - b.shadowsDone)[0]?.memberId ?? null;
}
