// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (../simulation.test.ts).
// Do not use in the product: ../calibrate.ts is the engine.
//
// Interviewer calibration: separates how good a candidate is from how lenient the interviewer who rated
// them is, so a candidate who drew a tough panel is not ranked below one who drew an easy one.
//
// Additive model, fitted by alternating least squares with a ridge penalty on severities:
//
//   rating_r = θ_(candidate, key) + s_interviewer + ε_r,   ε_r ~ (0, σ² / weight_r)
//
// Positive severity = lenient (rates higher than the panel); calibrated = raw − severity effects.
// Severities are relative to the panel, summing to 0 over it. docs/calibration.md has the method, the
// standard errors and the limits in plain language. Pure: plain arrays in, plain results out.

export interface Rating {
  candidateId: string;
  interviewerId: string;
  /** Signal or dimension key: the caller chooses the grouping, and candidates get one score per key. */
  key: string;
  /** 1..4 on the rubric scale; "not observed" is an absent rating, never a value. */
  value: number;
  /** Relative precision of this rating (default 1). A weight of 2 counts like the same rating given twice. */
  weight?: number;
}

export interface CalibrationOptions {
  /** λ: ridge penalty on each severity, in units of ratings (default DEFAULT_SHRINKAGE). 0 = plain least squares. */
  shrinkage?: number;
  maxIterations?: number;
  /** Stop when no severity moves by more than this between two sweeps (rating-scale points). */
  tolerance?: number;
}

export interface CandidateScore {
  candidateId: string;
  /** null = overall: the rating-weighted mean of the candidate's per-key scores. */
  key: string | null;
  raw: number;
  calibrated: number;
  /** NaN when it cannot be estimated (no residual degrees of freedom to measure rating noise). */
  standardError: number;
  ratings: number;
}

export interface InterviewerEstimate {
  interviewerId: string;
  /** Positive = lenient (rates higher than the panel). 0 when not identifiable. */
  severity: number;
  /** NaN when the severity is not identifiable or rating noise cannot be estimated. */
  standardError: number;
  /** Residual SD of this interviewer's ratings around the model; NaN when none shares a candidate and key. */
  spread: number;
  ratings: number;
  /** False when the interviewer shares no candidate and key, directly or through others, with the main panel. */
  identifiable: boolean;
}

export interface CalibrationResult {
  candidates: CandidateScore[];
  interviewers: InterviewerEstimate[];
  warnings: string[];
  iterations: number;
  converged: boolean;
}

/**
 * λ = 5: an interviewer's severity is shrunk by the factor n / (n + 5), so two shared ratings keep 2/7 of
 * their raw deviation and fifty keep 91%. Under the random-effect reading λ = σ² / τ²; with rating noise
 * σ ≈ 0.6 on the 4-point scale this assumes severities spread with SD τ ≈ 0.27, a deliberately cautious prior.
 */
export const DEFAULT_SHRINKAGE = 5;
export const DEFAULT_MAX_ITERATIONS = 1000;
export const DEFAULT_TOLERANCE = 1e-6;
/** A candidate below either threshold gets a "thin data" warning: one interviewer's view is not a panel's. */
export const MIN_CANDIDATE_RATINGS = 3;
export const MIN_CANDIDATE_INTERVIEWERS = 2;
/** An identifiable interviewer with less shared weight than this gets a "thin data" warning. */
export const MIN_SHARED_INTERVIEWER_RATINGS = 5;
/** Long id lists in warnings are cut here so a coach can still read them. */
export const MAX_LISTED_IDS = 20;
