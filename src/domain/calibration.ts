// Interviewer calibration, v2: separates how good a candidate is from how lenient (severity) and how
// stretched (gain) the interviewers who rated them are, so a candidate who drew a tough panel is not
// ranked below one who drew an easy one. docs/calibration.md explains the model, the fit, the
// uncertainty and the limits in plain language. Pure: plain arrays in, plain results out, deterministic.
//
// This file is the public surface: input checks, the connected panel, and the reporting. The model is
// fitted in calibration-fit.ts.

import { fitCalibrationModel, type ModelFit } from "./calibration-fit";
import { indexRatings, type IndexedRatings } from "./calibration-index";
import { type AlphaLevel, krippendorffAlpha, krippendorffAlphaInterval } from "./krippendorff";

export interface Rating {
  /** The unit that gets scores: the service passes a loop id, so a loop's scores come from its own ratings. */
  candidateId: string;
  interviewerId: string;
  /** Signal key. */
  key: string;
  /** Dimension key of the signal: scores are also reported per group. */
  group?: string;
  /** Ratings sharing it come from one scorecard (halo); default `${candidateId}|${interviewerId}`. */
  scorecardId?: string;
  /** Integer 1..4 on the rubric scale, else RangeError. "Not observed" is an absent rating, never a value. */
  value: number;
  /** Relative precision of this rating (default 1). A weight of 2 counts like the same rating given twice. */
  weight?: number;
}

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

export interface CandidateScore {
  candidateId: string;
  kind: "key" | "group" | "overall";
  /** Signal key (kind "key"), group key (kind "group"), null (overall). */
  key: string | null;
  /** Weighted mean of the raw ratings. */
  raw: number;
  /** Null when not calibrated: see notCalibratedReason. */
  calibrated: number | null;
  /** Null when not calibrated or not estimable. */
  standardError: number | null;
  ratings: number;
  interviewers: number;
  notCalibratedReason: string | null;
}

export interface InterviewerEstimate {
  interviewerId: string;
  identifiable: boolean;
  /** + = lenient, in rating points at the middle of the scale (2.5); null when not identifiable. */
  severity: number | null;
  standardError: number | null;
  /** 1 = uses the scale like the panel; 1.3 = spreads candidates 30% further apart than the panel. */
  gain: number | null;
  gainStandardError: number | null;
  /** Residual SD of this interviewer's ratings around the model, on the latent scale (rating points). */
  spread: number | null;
  ratings: number;
  scorecards: number;
  notCalibratedReason: string | null;
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

export interface AgreementOptions {
  level?: AlphaLevel;
  /** Agreement per signal key (default) or per group. */
  by?: "key" | "group";
  /** Bootstrap replicates for the interval (default 1000; 0 = no interval). */
  bootstrap?: number;
  seed?: number;
}

export interface AgreementEstimate {
  key: string;
  /** Krippendorff's alpha; null when undefined (nobody rated the same candidate twice, or no variation). */
  alpha: number | null;
  /** 95% bootstrap percentile interval, resampling candidates; null when alpha or the bootstrap is undefined. */
  interval: [number, number] | null;
  /** Candidates rated at least twice on this key: the units alpha is computed from. */
  units: number;
  /** Ratings that entered alpha: those in units rated at least twice. */
  pairableValues: number;
}

/** A candidate below either threshold gets a "thin data" warning: one interviewer's view is not a panel's. */
export const MIN_CANDIDATE_RATINGS = 3;
export const MIN_CANDIDATE_INTERVIEWERS = 2;
/** A panel interviewer with fewer scorecards than this gets a "thin data" warning. */
export const MIN_INTERVIEWER_SCORECARDS = 3;
export const DEFAULT_BOOTSTRAP = 1000;
/** Long id lists in warnings are cut here so a coach can still read them. */
const MAX_LISTED_IDS = 20;

export const REASON_CANDIDATE_OUTSIDE_PANEL =
  "Every interviewer who rated this candidate is outside the connected panel, so their leniency cannot be measured and the score cannot be corrected.";
export const REASON_NO_PANEL =
  "No two interviewers rated a common candidate, so no interviewer's leniency can be measured and no score can be corrected.";
export const REASON_INTERVIEWER_OUTSIDE_PANEL =
  "Shares no candidate, directly or through other interviewers, with the connected panel, so this interviewer's leniency cannot be told apart from their candidates' ability.";

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

/**
 * Krippendorff's alpha per signal key (or per group): each candidate is a unit and each rating of it one
 * value, with a seeded bootstrap interval that resamples candidates. Measured on raw ratings, because
 * agreement is about what interviewers wrote, before any correction.
 */
export function measureAgreement(ratings: Rating[], options: AgreementOptions = {}): AgreementEstimate[] {
  const level = options.level ?? "ordinal";
  const by = options.by ?? "key";
  const replicates = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const seed = options.seed ?? 1;
  const unitsByKey = new Map<string, Map<string, number[]>>();
  for (const rating of ratings) {
    const key = by === "group" ? rating.group : rating.key;
    if (key === undefined) continue;
    let units = unitsByKey.get(key);
    if (!units) unitsByKey.set(key, (units = new Map()));
    const values = units.get(rating.candidateId);
    if (values) values.push(rating.value);
    else units.set(rating.candidateId, [rating.value]);
  }
  return [...unitsByKey.keys()].sort(compareText).map((key) => {
    // Units in candidate order, so the bootstrap draws the same units for the same input however it was ordered.
    const byCandidate = unitsByKey.get(key) ?? new Map<string, number[]>();
    const units = [...byCandidate.keys()]
      .sort(compareText)
      .map((candidate) => byCandidate.get(candidate) ?? [])
      .filter((values) => values.length >= 2);
    const alpha = krippendorffAlpha(units, level);
    return {
      key,
      alpha,
      interval:
        alpha === null || replicates <= 0 ? null : krippendorffAlphaInterval(units, level, { replicates, seed }),
      units: units.length,
      pairableValues: units.reduce((sum, values) => sum + values.length, 0),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Results.

/**
 * Scores of each candidate: overall, per group and per key. A key's score is one cell (candidate × key);
 * a group's and the overall score are weighted means of cells. Accumulated per candidate in small typed
 * arrays (a candidate has tens of cells and a handful of interviewers), so reporting stays linear in the
 * number of ratings.
 */
function summarizeCandidates(data: IndexedRatings, fit: ModelFit): CandidateScore[] {
  const candidates = data.candidateIds.length;
  const groups = data.groupIds.length;
  // Ratings of each candidate, in rating order (a counting sort).
  const ratingStart = new Int32Array(candidates + 1);
  for (let r = 0; r < data.count; r++) ratingStart[(data.candidate[r] as number) + 1]! += 1;
  for (let c = 0; c < candidates; c++) ratingStart[c + 1]! += ratingStart[c]!;
  const byCandidate = new Int32Array(data.count);
  const cursor = ratingStart.slice(0, candidates);
  for (let r = 0; r < data.count; r++) byCandidate[cursor[data.candidate[r] as number]!++] = r;

  // Per-candidate scratch: local cell numbers, and per target (0 = overall, 1..G = groups, then cells) sums.
  const localCell = new Int32Array(data.cellCandidate.length).fill(-1);
  const cellOfLocal: number[] = [];
  const groupCellWeight = new Map<number, Float64Array>();
  const order = data.candidateIds.map((id, c) => ({ id, c })).sort((a, b) => compareText(a.id, b.id));
  const groupOrder = data.groupIds.map((id, g) => ({ id, g })).sort((a, b) => compareText(a.id, b.id));
  const scores: CandidateScore[] = [];
  for (const { id, c } of order) {
    cellOfLocal.length = 0;
    for (let i = ratingStart[c]!; i < ratingStart[c + 1]!; i++) {
      const cell = data.cell[byCandidate[i]!] as number;
      if (localCell[cell] === -1) {
        localCell[cell] = cellOfLocal.length;
        cellOfLocal.push(cell);
      }
    }
    const cells = cellOfLocal.length;
    const targets = 1 + groups + cells;
    const weight = new Float64Array(targets);
    const rawSum = new Float64Array(targets);
    const ratings = new Int32Array(targets);
    const interviewers: number[][] = Array.from({ length: targets }, () => []);
    const overallCellWeight = new Float64Array(cells);
    groupCellWeight.clear();
    const add = (target: number, r: number, w: number): void => {
      weight[target]! += w;
      rawSum[target]! += w * (data.value[r] as number);
      ratings[target]! += 1;
      const seen = interviewers[target] as number[];
      const j = data.interviewer[r] as number;
      if (!seen.includes(j)) seen.push(j);
    };
    for (let i = ratingStart[c]!; i < ratingStart[c + 1]!; i++) {
      const r = byCandidate[i]!;
      const w = data.weight[r] as number;
      const local = localCell[data.cell[r] as number] as number;
      add(0, r, w);
      add(1 + groups + local, r, w);
      overallCellWeight[local]! += w;
      const group = data.groupOf[r] as number;
      if (group >= 0) {
        add(1 + group, r, w);
        let cellWeight = groupCellWeight.get(group);
        if (!cellWeight) groupCellWeight.set(group, (cellWeight = new Float64Array(cells)));
        cellWeight[local]! += w;
      }
    }
    const calibrated = fit.candidateInPanel[c] === 1;
    const reason = calibrated ? null : fit.panelSize >= 2 ? REASON_CANDIDATE_OUTSIDE_PANEL : REASON_NO_PANEL;
    const cellIds = Int32Array.from(cellOfLocal);
    const report = (
      kind: CandidateScore["kind"],
      key: string | null,
      target: number,
      cellWeights: Float64Array,
    ): CandidateScore => {
      const estimate = calibrated ? fit.scoreCells(c, cellIds, cellWeights) : null;
      return {
        candidateId: id,
        kind,
        key,
        raw: rawSum[target]! / weight[target]!,
        calibrated: estimate ? estimate.value : null,
        standardError: estimate && Number.isFinite(estimate.standardError) ? estimate.standardError : null,
        ratings: ratings[target]!,
        interviewers: (interviewers[target] as number[]).length,
        notCalibratedReason: reason,
      };
    };
    scores.push(report("overall", null, 0, overallCellWeight));
    for (const { id: groupId, g } of groupOrder) {
      const cellWeight = groupCellWeight.get(g);
      if (cellWeight) scores.push(report("group", groupId, 1 + g, cellWeight));
    }
    const keyOrder = cellOfLocal.map((cell, local) => ({
      key: data.keyIds[data.cellKey[cell] as number] as string,
      local,
    }));
    keyOrder.sort((a, b) => compareText(a.key, b.key));
    for (const { key, local } of keyOrder) {
      const only = new Float64Array(cells);
      only[local] = 1;
      scores.push(report("key", key, 1 + groups + local, only));
    }
    for (const cell of cellOfLocal) localCell[cell] = -1;
  }
  return scores;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function summarizeInterviewers(data: IndexedRatings, fit: ModelFit): InterviewerEstimate[] {
  return data.interviewerIds
    .map((interviewerId, j): InterviewerEstimate => {
      const position = fit.panelPosition[j] as number;
      const identifiable = position >= 0;
      return {
        interviewerId,
        identifiable,
        severity: identifiable ? (fit.severity[position] as number) : null,
        standardError: identifiable ? finiteOrNull(fit.severityStandardError[position] as number) : null,
        gain: identifiable ? (fit.gain[position] as number) : null,
        gainStandardError:
          identifiable && fit.gainsFitted ? finiteOrNull(fit.gainStandardError[position] as number) : null,
        spread: identifiable ? finiteOrNull(fit.spread[position] as number) : null,
        ratings: data.interviewerRatings[j] as number,
        scorecards: data.interviewerScorecards[j] as number,
        notCalibratedReason: identifiable
          ? null
          : fit.panelSize >= 2
            ? REASON_INTERVIEWER_OUTSIDE_PANEL
            : REASON_NO_PANEL,
      };
    })
    .sort((a, b) => compareText(a.interviewerId, b.interviewerId));
}

function collectWarnings(data: IndexedRatings, fit: ModelFit, maxIterations: number): string[] {
  const warnings: string[] = [];
  if (fit.panelSize < 2) {
    warnings.push(
      "No two interviewers rated a common candidate, so no interviewer's leniency can be estimated: " +
        "only raw scores are reported and no candidate is calibrated.",
    );
  } else {
    const outsiders = data.interviewerIds.filter((_, j) => (fit.panelPosition[j] as number) < 0).sort(compareText);
    if (outsiders.length > 0) {
      warnings.push(
        `Not calibrated, outside the connected panel: interviewers ${formatIdList(outsiders)}. They share no candidate, directly or ` +
          "through other interviewers, with the panel, so their leniency cannot be told apart from their candidates' ability.",
      );
    }
    const uncalibrated = data.candidateIds.filter((_, c) => fit.candidateInPanel[c] !== 1).sort(compareText);
    if (uncalibrated.length > 0) {
      warnings.push(
        `Not calibrated, because every interviewer who rated them is outside the connected panel: ${formatIdList(uncalibrated)}. ` +
          "They are reported with raw scores only and are not ranked on the calibrated scale.",
      );
    }
  }

  const interviewersByCandidate = data.candidateIds.map(() => new Set<number>());
  const countByCandidate = new Int32Array(data.candidateIds.length);
  for (let r = 0; r < data.count; r++) {
    const c = data.candidate[r] as number;
    interviewersByCandidate[c]?.add(data.interviewer[r] as number);
    countByCandidate[c] = (countByCandidate[c] as number) + 1;
  }
  const thinCandidates: string[] = [];
  data.candidateIds.forEach((id, c) => {
    const raters = interviewersByCandidate[c]?.size ?? 0;
    const count = countByCandidate[c] as number;
    if (raters < MIN_CANDIDATE_INTERVIEWERS || count < MIN_CANDIDATE_RATINGS) {
      thinCandidates.push(
        `${id} (${raters} interviewer${raters === 1 ? "" : "s"}, ${count} rating${count === 1 ? "" : "s"})`,
      );
    }
  });
  if (thinCandidates.length > 0) {
    warnings.push(
      `Too few ratings to score reliably (fewer than ${MIN_CANDIDATE_INTERVIEWERS} interviewers or ${MIN_CANDIDATE_RATINGS} ratings): ` +
        `${formatIdList(thinCandidates.sort(compareText))}.`,
    );
  }
  const thinInterviewers: string[] = [];
  data.interviewerIds.forEach((id, j) => {
    const cards = data.interviewerScorecards[j] as number;
    if ((fit.panelPosition[j] as number) >= 0 && cards < MIN_INTERVIEWER_SCORECARDS)
      thinInterviewers.push(`${id} (${cards})`);
  });
  if (thinInterviewers.length > 0) {
    warnings.push(
      `Severity rests on fewer than ${MIN_INTERVIEWER_SCORECARDS} scorecards, so it is uncertain and shrunk toward 0: ` +
        `${formatIdList(thinInterviewers.sort(compareText))}.`,
    );
  }
  if (!fit.converged) {
    warnings.push(`The fit did not converge within ${maxIterations} iterations; estimates are approximate.`);
  }
  return warnings;
}

function formatIdList(ids: string[]): string {
  if (ids.length <= MAX_LISTED_IDS) return ids.join(", ");
  return `${ids.slice(0, MAX_LISTED_IDS).join(", ")} and ${ids.length - MAX_LISTED_IDS} more`;
}

/** Code-unit order: repeatable on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
