// Interviewer calibration, v2: separates how good a candidate is from how lenient (severity) and how
// stretched (gain) the interviewers who rated them are, so a candidate who drew a tough panel is not
// ranked below one who drew an easy one. docs/calibration.md explains the model, the fit, the
// uncertainty and the limits in plain language. Pure: plain arrays in, plain results out, deterministic.
//
// This file is the public surface: input checks and the result. The ratings are indexed and the panel found
// in ratings.ts, the model is fitted in model/fit.ts, and the result is written in results.ts.

import { fitCalibrationModel } from "./model/fit";
import { indexRatings, type Rating } from "./ratings";
import {
  collectWarnings,
  summarizeCandidates,
  summarizeInterviewers,
  type CandidateScore,
  type InterviewerEstimate,
} from "./results";

export interface CalibrationOptions {
  /**
   * Seed for randomised parts of the computation. The v2 fit and its standard errors are deterministic and
   * use no randomness, so today the seed does not change the result; it is checked and kept so that a
   * randomised step added later stays reproducible. Default 1.
   */
  seed?: number;
  /** Upper bound on Newton iterations of the fit (default 50). */
  maxIterations?: number;
  /** Stop when no parameter moves by more than this (rating points) between two iterations (default 1e-3). */
  tolerance?: number;
  /** Fit interviewer gains (default true). False gives the shift-only model. */
  gains?: boolean;
}

export interface CalibrationModelSummary {
  /** SD of interviewer severities across the panel, estimated from the data (it sets their shrinkage). */
  severitySd: number | null;
  /** SD of interviewer gains around 1. */
  gainSd: number | null;
  /** SD of the scorecard (halo) effect shared by all ratings on one scorecard. */
  haloSd: number | null;
  /** SD of one rating's own noise on the latent scale. */
  noiseSd: number | null;
  iterations: number;
  converged: boolean;
}

export interface CalibrationResult {
  /** Sorted by candidateId, then overall, groups, keys (each by key). */
  candidates: CandidateScore[];
  /** Sorted by interviewerId. */
  interviewers: InterviewerEstimate[];
  warnings: string[];
  model: CalibrationModelSummary;
}

/** Fits the model to `ratings` and reports calibrated scores, interviewer estimates and what the data cannot support. */
export function calibrate(ratings: Rating[], options: CalibrationOptions = {}): CalibrationResult {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-3;
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new RangeError(`maxIterations must be a whole number ≥ 1, got ${maxIterations}.`);
  if (!Number.isFinite(tolerance) || tolerance <= 0)
    throw new RangeError(`tolerance must be a finite number > 0, got ${tolerance}.`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`);

  const data = indexRatings(ratings);
  if (data.count === 0) {
    return {
      candidates: [],
      interviewers: [],
      warnings: [],
      model: { severitySd: null, gainSd: null, haloSd: null, noiseSd: null, iterations: 0, converged: true },
    };
  }
  const fit = fitCalibrationModel(data, { maxIterations, tolerance, gains: options.gains ?? true });
  return {
    candidates: summarizeCandidates(data, fit),
    interviewers: summarizeInterviewers(data, fit),
    warnings: collectWarnings(data, fit, maxIterations),
    model: {
      severitySd: fit.panelSize >= 2 ? fit.severitySd : null,
      gainSd: fit.panelSize >= 2 && fit.gainsFitted ? fit.gainSd : null,
      haloSd: fit.panelSize >= 2 ? fit.haloSd : null,
      noiseSd: fit.panelSize >= 2 ? fit.noiseSd : null,
      iterations: fit.iterations,
      converged: fit.converged,
    },
  };
}
