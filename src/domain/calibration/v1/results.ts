// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (../simulation.test.ts).
// Do not use in the product: ../calibrate.ts is the engine.

import { gatherCellWeights, type Fit, type Noise } from "./fit";
import { compareText, type IndexedRatings, type MainPanel } from "./ratings";
import {
  MAX_LISTED_IDS,
  MIN_CANDIDATE_INTERVIEWERS,
  MIN_CANDIDATE_RATINGS,
  MIN_SHARED_INTERVIEWER_RATINGS,
  type CandidateScore,
  type InterviewerEstimate,
} from "./types";

// ---------------------------------------------------------------------------------------------------
// Results.

export function summarizeCandidates(
  data: IndexedRatings,
  panel: MainPanel,
  fit: Fit,
  noise: Noise,
  covariance: Float64Array,
): CandidateScore[] {
  const size = panel.size;
  const cell = gatherCellWeights(data, panel);
  // Var(score) = σ² (1 / W + b̃ᵀ C b̃), with b̃ the share of the score's weight from each panel interviewer.
  // The raw mean depends only on cell means and the severities only on differences within cells, which
  // are uncorrelated, so the two variances add.
  const quadraticForm = (shares: Map<number, number>): number => {
    let sum = 0;
    for (const [a, wa] of shares) for (const [b, wb] of shares) sum += wa * wb * (covariance[a * size + b] as number);
    return sum;
  };
  const standardError = (totalWeight: number, shares: Map<number, number>): number =>
    Math.sqrt(noise.variance * (1 / totalWeight + quadraticForm(shares) / (totalWeight * totalWeight)));

  const cellsByCandidate: number[][] = data.candidateIds.map(() => []);
  for (let g = 0; g < data.groupKey.length; g++) cellsByCandidate[data.groupCandidate[g] as number]?.push(g);

  const order = data.candidateIds.map((id, c) => ({ id, c })).sort((a, b) => compareText(a.id, b.id));
  const scores: CandidateScore[] = [];
  for (const { id, c } of order) {
    const cells = (cellsByCandidate[c] ?? []).sort((a, b) =>
      compareText(data.groupKey[a] as string, data.groupKey[b] as string),
    );
    const overallShares = new Map<number, number>();
    let overallWeight = 0;
    let overallRaw = 0;
    let overallCalibrated = 0;
    let overallCount = 0;
    const keyed: CandidateScore[] = [];
    for (const g of cells) {
      const total = data.groupWeight[g] as number;
      let rawSum = 0;
      for (let p = data.groupStart[g] as number; p < (data.groupStart[g + 1] as number); p++) {
        const r = data.groupOrder[p] as number;
        rawSum += (data.weight[r] as number) * (data.value[r] as number);
      }
      const shares = new Map<number, number>();
      for (const a of cell.collect(g)) {
        shares.set(a, cell.weightOf(a));
        overallShares.set(a, (overallShares.get(a) ?? 0) + cell.weightOf(a));
      }
      cell.reset();
      const theta = fit.theta[g] as number;
      keyed.push({
        candidateId: id,
        key: data.groupKey[g] as string,
        raw: rawSum / total,
        calibrated: theta,
        standardError: standardError(total, shares),
        ratings: data.groupCount[g] as number,
      });
      overallWeight += total;
      overallRaw += rawSum;
      overallCalibrated += total * theta;
      overallCount += data.groupCount[g] as number;
    }
    scores.push({
      candidateId: id,
      key: null,
      raw: overallRaw / overallWeight,
      calibrated: overallCalibrated / overallWeight,
      standardError: standardError(overallWeight, overallShares),
      ratings: overallCount,
    });
    scores.push(...keyed);
  }
  return scores;
}

export function summarizeInterviewers(
  data: IndexedRatings,
  panel: MainPanel,
  fit: Fit,
  noise: Noise,
  covariance: Float64Array,
): InterviewerEstimate[] {
  return data.interviewerIds
    .map((interviewerId, j) => {
      const position = panel.position[j] as number;
      const identifiable = position >= 0;
      return {
        interviewerId,
        severity: identifiable ? (fit.severity[j] as number) : 0,
        standardError: identifiable
          ? Math.sqrt(noise.variance * (covariance[position * panel.size + position] as number))
          : Number.NaN,
        spread: noise.spread[j] as number,
        ratings: data.interviewerCount[j] as number,
        identifiable,
      };
    })
    .sort((a, b) => compareText(a.interviewerId, b.interviewerId));
}

export function collectWarnings(
  data: IndexedRatings,
  panel: MainPanel,
  fit: Fit,
  noise: Noise,
  maxIterations: number,
): string[] {
  const warnings: string[] = [];
  if (panel.size < 2) {
    warnings.push(
      "No two interviewers rated the same candidate on the same key, so no interviewer's severity can be estimated: " +
        "every severity is reported as 0 and calibrated scores equal raw scores.",
    );
  } else if (panel.outsiders.length > 0) {
    warnings.push(
      `Severity not identifiable for ${formatIdList(panel.outsiders.flat().sort(compareText))}: they share no candidate and key, directly or ` +
        "through other interviewers, with the main panel, so their leniency cannot be told apart from their candidates' " +
        "ability. Their severity is reported as 0 and their ratings are used uncorrected.",
    );
  }

  const interviewersByCandidate = data.candidateIds.map(() => new Set<number>());
  const countByCandidate = new Int32Array(data.candidateIds.length);
  const calibratedByCandidate = new Uint8Array(data.candidateIds.length);
  for (let r = 0; r < data.count; r++) {
    const c = data.groupCandidate[data.group[r] as number] as number;
    const j = data.interviewer[r] as number;
    interviewersByCandidate[c]?.add(j);
    countByCandidate[c] = (countByCandidate[c] as number) + 1;
    if ((panel.position[j] as number) >= 0) calibratedByCandidate[c] = 1;
  }
  const thinCandidates: string[] = [];
  const uncalibrated: string[] = [];
  data.candidateIds.forEach((id, c) => {
    const raters = interviewersByCandidate[c]?.size ?? 0;
    const count = countByCandidate[c] as number;
    if (raters < MIN_CANDIDATE_INTERVIEWERS || count < MIN_CANDIDATE_RATINGS) {
      thinCandidates.push(
        `${id} (${raters} interviewer${raters === 1 ? "" : "s"}, ${count} rating${count === 1 ? "" : "s"})`,
      );
    }
    if (panel.size >= 2 && calibratedByCandidate[c] === 0) uncalibrated.push(id);
  });
  if (thinCandidates.length > 0) {
    warnings.push(
      `Too few ratings to score reliably (fewer than ${MIN_CANDIDATE_INTERVIEWERS} interviewers or ${MIN_CANDIDATE_RATINGS} ratings): ` +
        `${formatIdList(thinCandidates.sort(compareText))}.`,
    );
  }
  if (uncalibrated.length > 0) {
    warnings.push(
      `Not calibrated, because every interviewer who rated them is outside the main panel: ${formatIdList(uncalibrated.sort(compareText))}.`,
    );
  }

  const thinInterviewers: string[] = [];
  const sharedWeight = measureSharedWeight(data, panel);
  for (const j of panel.members) {
    const shared = sharedWeight[j] as number;
    if (shared < MIN_SHARED_INTERVIEWER_RATINGS)
      thinInterviewers.push(`${data.interviewerIds[j]} (${formatNumber(shared)})`);
  }
  if (thinInterviewers.length > 0) {
    warnings.push(
      `Severity rests on fewer than ${MIN_SHARED_INTERVIEWER_RATINGS} ratings shared with other interviewers, so it is uncertain ` +
        `and shrunk toward 0: ${formatIdList(thinInterviewers.sort(compareText))}.`,
    );
  }
  const single = Array.from(data.groupCount).filter((n) => n === 1).length;
  if (single > 0) {
    warnings.push(`${single} of ${data.groupKey.length} candidate × key scores rest on a single rating.`);
  }
  if (!fit.converged) {
    warnings.push(
      `The fit did not converge within ${maxIterations} iterations; estimates are approximate (raise maxIterations).`,
    );
  }
  if (!(noise.degreesOfFreedom > 0)) {
    warnings.push("Too few ratings to estimate rating noise: standard errors are NaN (not available).");
  }
  return warnings;
}

/** Weight of each interviewer's ratings in cells another panel interviewer also rated: only those inform a severity. */
function measureSharedWeight(data: IndexedRatings, panel: MainPanel): Float64Array {
  const shared = new Float64Array(data.interviewerIds.length);
  const cell = gatherCellWeights(data, panel);
  for (let g = 0; g < data.groupKey.length; g++) {
    const touched = cell.collect(g);
    if (touched.length >= 2) {
      for (const position of touched) {
        const j = panel.members[position] as number;
        shared[j] = (shared[j] as number) + cell.weightOf(position);
      }
    }
    cell.reset();
  }
  return shared;
}

export function formatIdList(ids: string[]): string {
  if (ids.length <= MAX_LISTED_IDS) return ids.join(", ");
  return `${ids.slice(0, MAX_LISTED_IDS).join(", ")} and ${ids.length - MAX_LISTED_IDS} more`;
}

const formatNumber = (value: number): string => String(Math.round(value * 100) / 100);
