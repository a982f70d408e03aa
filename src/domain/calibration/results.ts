// The calibration result in words and numbers: each candidate's scores (overall, per group, per key), each
// interviewer's severity and gain, and warnings about what the data cannot support.

import type { ModelFit } from "./model/fit";
import { compareText, type IndexedRatings } from "./ratings";

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

/** A candidate below either threshold gets a "thin data" warning: one interviewer's view is not a panel's. */
export const MIN_CANDIDATE_RATINGS = 3;
export const MIN_CANDIDATE_INTERVIEWERS = 2;
/** A panel interviewer with fewer scorecards than this gets a "thin data" warning. */
export const MIN_INTERVIEWER_SCORECARDS = 3;
/** Long id lists in warnings are cut here so a coach can still read them. */
const MAX_LISTED_IDS = 20;

export const REASON_CANDIDATE_OUTSIDE_PANEL =
  "Every interviewer who rated this candidate is outside the connected panel, so their leniency cannot be measured and the score cannot be corrected.";
export const REASON_NO_PANEL =
  "No two interviewers rated a common candidate, so no interviewer's leniency can be measured and no score can be corrected.";
export const REASON_INTERVIEWER_OUTSIDE_PANEL =
  "Shares no candidate, directly or through other interviewers, with the connected panel, so this interviewer's leniency cannot be told apart from their candidates' ability.";

/**
 * Scores of each candidate: overall, per group and per key. A key's score is one cell (candidate × key);
 * a group's and the overall score are weighted means of cells. Accumulated per candidate in small typed
 * arrays (a candidate has tens of cells and a handful of interviewers), so reporting stays linear in the
 * number of ratings.
 */
export function summarizeCandidates(data: IndexedRatings, fit: ModelFit): CandidateScore[] {
  const candidates = data.candidateIds.length;
  const ratingStart = new Int32Array(candidates + 1);
  const byCandidate = new Int32Array(data.count);
  sortByCandidate(data.candidate, ratingStart, byCandidate);
  const work = new ReportWork(data, fit, ratingStart, byCandidate);
  const order = data.candidateIds.map((id, c) => ({ id, c })).sort((a, b) => compareText(a.id, b.id));
  const scores: CandidateScore[] = [];
  for (const { id, c } of order) work.candidate(id, c, scores);
  return scores;
}

/** Each candidate's ratings, in rating order (a counting sort): byCandidate[ratingStart[c] ..]. */
function sortByCandidate(candidate: Int32Array, ratingStart: Int32Array, byCandidate: Int32Array): void {
  const candidates = ratingStart.length - 1;
  for (let r = 0; r < candidate.length; r++) ratingStart[candidate[r]! + 1]! += 1;
  for (let c = 0; c < candidates; c++) ratingStart[c + 1]! += ratingStart[c]!;
  const cursor = ratingStart.slice(0, candidates);
  for (let r = 0; r < candidate.length; r++) byCandidate[cursor[candidate[r]!]!++] = r;
}

/**
 * summarizeCandidates's scratch, sized once for the largest candidate, and its work per candidate: local cell
 * and interviewer numbers, and per target (0 = overall, 1..G = groups, then cells) sums and a seen-flag per
 * (target, local interviewer). A class with methods rather than closures in a loop: the numbers the closures
 * shared lived in a context object, read from memory on every use in the loops.
 */
class ReportWork {
  private readonly groups: number;
  private readonly localCell: Int32Array;
  private readonly localInterviewer: Int32Array;
  private readonly cellOfLocal: Int32Array;
  private readonly interviewerOfLocal: Int32Array;
  private readonly weight: Float64Array;
  private readonly rawSum: Float64Array;
  private readonly ratings: Int32Array;
  private readonly interviewers: Int32Array;
  private readonly seen: Uint8Array;
  /** Whether the candidate has a rating in each group. */
  private readonly groupRated: Uint8Array;
  private readonly keyOrder: Int32Array;
  private readonly keyRank: Int32Array;
  private readonly groupOrder: { id: string; g: number }[];
  private readonly estimate = new Float64Array(2);

  constructor(
    private readonly data: IndexedRatings,
    private readonly fit: ModelFit,
    private readonly ratingStart: Int32Array,
    private readonly byCandidate: Int32Array,
  ) {
    const candidates = data.candidateIds.length;
    this.groups = data.groupIds.length;
    this.localCell = new Int32Array(data.cellCandidate.length).fill(-1);
    this.localInterviewer = new Int32Array(data.interviewerIds.length).fill(-1);
    // Sized from the cells and scorecards of each candidate (a candidate has at least one scorecard per
    // interviewer who rated it), without a pass over the ratings.
    const cellsOf = new Int32Array(candidates);
    const cardsOf = new Int32Array(candidates);
    for (let g = 0; g < data.cellCandidate.length; g++) cellsOf[data.cellCandidate[g]!]!++;
    for (let q = 0; q < data.scorecardCandidate.length; q++) cardsOf[data.scorecardCandidate[q]!]!++;
    let maxCells = 0;
    let maxRaters = 0;
    for (let c = 0; c < candidates; c++) {
      maxCells = Math.max(maxCells, cellsOf[c]!);
      maxRaters = Math.max(maxRaters, cardsOf[c]!);
    }
    this.cellOfLocal = new Int32Array(maxCells);
    this.interviewerOfLocal = new Int32Array(maxRaters);
    const maxTargets = 1 + this.groups + maxCells;
    this.weight = new Float64Array(maxTargets);
    this.rawSum = new Float64Array(maxTargets);
    this.ratings = new Int32Array(maxTargets);
    this.interviewers = new Int32Array(maxTargets);
    this.seen = new Uint8Array(maxTargets * maxRaters);
    this.groupRated = new Uint8Array(this.groups);
    this.keyOrder = new Int32Array(maxCells);
    this.groupOrder = data.groupIds.map((id, g) => ({ id, g })).sort((a, b) => compareText(a.id, b.id));
    // Keys sorted once: a candidate's keys are then ordered by rank instead of by comparing strings.
    this.keyRank = new Int32Array(data.keyIds.length);
    data.keyIds
      .map((id, k) => ({ id, k }))
      .sort((a, b) => compareText(a.id, b.id))
      .forEach(({ k }, rank) => (this.keyRank[k] = rank));
  }

  /** Candidate c's scores (id is its id), pushed to scores: overall, groups by id, keys by id. */
  candidate(id: string, c: number, scores: CandidateScore[]): void {
    const { data, fit, groups, localCell, localInterviewer, cellOfLocal, interviewerOfLocal } = this;
    const { weight, rawSum, ratings, interviewers, seen, groupRated, estimate } = this;
    const first = this.ratingStart[c]!;
    const end = this.ratingStart[c + 1]!;
    const byCandidate = this.byCandidate;
    let cells = 0;
    let raters = 0;
    for (let i = first; i < end; i++) {
      const r = byCandidate[i]!;
      const cell = data.cell[r]!;
      if (localCell[cell] === -1) {
        localCell[cell] = cells;
        cellOfLocal[cells++] = cell;
      }
      const j = data.interviewer[r]!;
      if (localInterviewer[j] === -1) {
        localInterviewer[j] = raters;
        interviewerOfLocal[raters++] = j;
      }
    }
    const targets = 1 + groups + cells;
    weight.fill(0, 0, targets);
    rawSum.fill(0, 0, targets);
    ratings.fill(0, 0, targets);
    interviewers.fill(0, 0, targets);
    seen.fill(0, 0, targets * raters);
    groupRated.fill(0);
    for (let i = first; i < end; i++) {
      const r = byCandidate[i]!;
      const w = data.weight[r]!;
      const value = data.value[r]!;
      const local = localCell[data.cell[r]!]!;
      const j = localInterviewer[data.interviewer[r]!]!;
      this.add(0, value, w, j, raters);
      this.add(1 + groups + local, value, w, j, raters);
      const group = data.groupOf[r]!;
      if (group >= 0) {
        this.add(1 + group, value, w, j, raters);
        groupRated[group] = 1;
      }
    }
    const calibrated = fit.candidateInPanel[c] === 1;
    const reason = calibrated ? null : fit.panelSize >= 2 ? REASON_CANDIDATE_OUTSIDE_PANEL : REASON_NO_PANEL;
    if (calibrated) fit.overallScore(c, estimate);
    scores.push(this.score(id, "overall", null, 0, calibrated, reason));
    for (const { id: groupId, g } of this.groupOrder) {
      if (groupRated[g] !== 1) continue;
      if (calibrated) fit.groupScore(c, g, estimate);
      scores.push(this.score(id, "group", groupId, 1 + g, calibrated, reason));
    }
    const keyOrder = this.orderKeys(cells);
    for (let k = 0; k < cells; k++) {
      const local = keyOrder[k]!;
      const cell = cellOfLocal[local]!;
      if (calibrated) fit.cellScore(cell, estimate);
      scores.push(this.score(id, "key", data.keyIds[data.cellKey[cell]!]!, 1 + groups + local, calibrated, reason));
    }
    for (let local = 0; local < cells; local++) localCell[cellOfLocal[local]!] = -1;
    for (let local = 0; local < raters; local++) localInterviewer[interviewerOfLocal[local]!] = -1;
  }

  /** One rating (local interviewer j of raters) into a target's sums. */
  private add(target: number, value: number, w: number, j: number, raters: number): void {
    this.weight[target]! += w;
    this.rawSum[target]! += w * value;
    this.ratings[target]! += 1;
    if (this.seen[target * raters + j] === 0) {
      this.seen[target * raters + j] = 1;
      this.interviewers[target]! += 1;
    }
  }

  /** The score of a target from its sums and `estimate` (filled by the fit when calibrated). */
  private score(
    candidateId: string,
    kind: CandidateScore["kind"],
    key: string | null,
    target: number,
    calibrated: boolean,
    reason: string | null,
  ): CandidateScore {
    const estimate = this.estimate;
    return {
      candidateId,
      kind,
      key,
      raw: this.rawSum[target]! / this.weight[target]!,
      calibrated: calibrated ? estimate[0]! : null,
      standardError: calibrated && Number.isFinite(estimate[1]!) ? estimate[1]! : null,
      ratings: this.ratings[target]!,
      interviewers: this.interviewers[target]!,
      notCalibratedReason: reason,
    };
  }

  /** The candidate's local cells ordered by key rank (cellOfLocal's first `cells`). */
  private orderKeys(cells: number): Int32Array {
    const { keyOrder, keyRank, cellOfLocal } = this;
    const cellKey = this.data.cellKey;
    // An insertion sort when they are few (as they are: a few dozen).
    if (cells <= 64) {
      for (let local = 0; local < cells; local++) {
        const rank = keyRank[cellKey[cellOfLocal[local]!]!]!;
        let at = local;
        while (at > 0 && keyRank[cellKey[cellOfLocal[keyOrder[at - 1]!]!]!]! > rank) {
          keyOrder[at] = keyOrder[at - 1]!;
          at--;
        }
        keyOrder[at] = local;
      }
    } else {
      for (let local = 0; local < cells; local++) keyOrder[local] = local;
      keyOrder
        .subarray(0, cells)
        .sort((a, b) => keyRank[cellKey[cellOfLocal[a]!]!]! - keyRank[cellKey[cellOfLocal[b]!]!]!);
    }
    return keyOrder;
  }
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function summarizeInterviewers(data: IndexedRatings, fit: ModelFit): InterviewerEstimate[] {
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

export function collectWarnings(data: IndexedRatings, fit: ModelFit, maxIterations: number): string[] {
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

  // Interviewers per candidate: each scorecard has one candidate and one interviewer, so the distinct
  // (candidate, interviewer) pairs are found among the scorecards, marking the last candidate seen per interviewer.
  const ratersByCandidate = new Int32Array(data.candidateIds.length);
  const lastCandidate = new Int32Array(data.interviewerIds.length).fill(-1);
  const cardOrder = Int32Array.from(data.scorecardCandidate.keys()).sort(
    (a, b) => data.scorecardCandidate[a]! - data.scorecardCandidate[b]!,
  );
  for (const q of cardOrder) {
    const c = data.scorecardCandidate[q]!;
    const j = data.scorecardInterviewer[q]!;
    if (lastCandidate[j] !== c) {
      lastCandidate[j] = c;
      ratersByCandidate[c]! += 1;
    }
  }
  const countByCandidate = new Int32Array(data.candidateIds.length);
  for (let r = 0; r < data.count; r++) countByCandidate[data.candidate[r]!]! += 1;
  const thinCandidates: string[] = [];
  data.candidateIds.forEach((id, c) => {
    const raters = ratersByCandidate[c]!;
    const count = countByCandidate[c]!;
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
