// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (../simulation.test.ts).
// Do not use in the product: ../calibrate.ts is the engine.

import { computeSeverityCovariance, estimateNoise, fitSeverities } from "./fit";
import { findMainPanel, indexRatings } from "./ratings";
import { collectWarnings, summarizeCandidates, summarizeInterviewers } from "./results";
import {
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_SHRINKAGE,
  DEFAULT_TOLERANCE,
  type CalibrationOptions,
  type CalibrationResult,
  type Rating,
} from "./types";

/** Fits the additive model to `ratings` and reports calibrated scores, severities and what the data cannot support. */
export function calibrate(ratings: Rating[], options: CalibrationOptions = {}): CalibrationResult {
  const shrinkage = options.shrinkage ?? DEFAULT_SHRINKAGE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(shrinkage) || shrinkage < 0)
    throw new RangeError(`shrinkage must be a finite number ≥ 0, got ${shrinkage}.`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new RangeError(`maxIterations must be a whole number ≥ 1, got ${maxIterations}.`);
  if (!Number.isFinite(tolerance) || tolerance <= 0)
    throw new RangeError(`tolerance must be a finite number > 0, got ${tolerance}.`);

  if (ratings.length === 0) return { candidates: [], interviewers: [], warnings: [], iterations: 0, converged: true };

  const data = indexRatings(ratings);
  const panel = findMainPanel(data);
  const fit = fitSeverities(data, panel, shrinkage, maxIterations, tolerance);
  const noise = estimateNoise(data, panel, fit);
  const covariance = panel.size >= 2 ? computeSeverityCovariance(data, panel, shrinkage) : new Float64Array(0);

  return {
    candidates: summarizeCandidates(data, panel, fit, noise, covariance),
    interviewers: summarizeInterviewers(data, panel, fit, noise, covariance),
    warnings: collectWarnings(data, panel, fit, noise, maxIterations),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
