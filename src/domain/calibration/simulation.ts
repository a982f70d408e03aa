// Simulated cohorts for checking the calibration engine against the truth, shared by the simulation tests
// (simulation.test.ts) and the benchmark (bench/calibration.ts). Every number comes from a
// seed, so a table reproduces exactly. Not used by the product.

import { calibrate } from "./calibrate";
import type { Rating } from "./ratings";
import { createSeededRandom } from "./random";
import { calibrate as calibrateV1 } from "./v1/calibrate";

export interface Design {
  id: string;
  label: string;
  candidates: number;
  interviewers: number;
  /** Interviewers per candidate: uniform in [min, max]. */
  panelMin: number;
  panelMax: number;
  signals: number;
  noise: number;
  /** SD of the gain around 1 (0 = every interviewer uses the scale alike). */
  gainSd: number;
  /** SD of the scorecard effect shared by the signals of one scorecard. */
  haloSd: number;
  /** > 0 sends harsh interviewers to strong candidates: the strength of that preference. */
  harshToStrong: number;
}

const ISSUE: Omit<Design, "id" | "label"> = {
  candidates: 30,
  interviewers: 8,
  panelMin: 4,
  panelMax: 6,
  signals: 6,
  noise: 0.5,
  gainSd: 0,
  haloSd: 0,
  harshToStrong: 0,
};

/**
 * The issue's designs, enlarged to a cohort of 150 candidates and 40 interviewers (each interviewer still
 * sees about 19 candidates, as in the 30 × 8 original) so that coverage is measured on 800 severities and
 * 3,000 candidate scores per design rather than 160 and 600. Design "a-small" keeps the original size.
 */
export const DESIGNS: Design[] = [
  { id: "a-small", label: "(a) issue design, 30 × 8", ...ISSUE },
  { id: "a", label: "(a) issue design, 150 × 40", ...ISSUE, candidates: 150, interviewers: 40 },
  { id: "b", label: "(b) gain spread 0.3", ...ISSUE, candidates: 150, interviewers: 40, gainSd: 0.3 },
  {
    id: "c",
    label: "(c) sparse, 3–4 per candidate",
    ...ISSUE,
    candidates: 150,
    interviewers: 40,
    panelMin: 3,
    panelMax: 4,
  },
  { id: "d", label: "(d) one signal per scorecard", ...ISSUE, candidates: 150, interviewers: 40, signals: 1 },
  { id: "e", label: "(e) halo 0.3 per scorecard", ...ISSUE, candidates: 150, interviewers: 40, haloSd: 0.3 },
  { id: "f", label: "(f) harsh to strong", ...ISSUE, candidates: 150, interviewers: 40, harshToStrong: 1.5 },
];

export interface SimulatedCohort {
  ratings: Rating[];
  ability: number[];
  severity: number[];
  gain: number[];
}

export function simulateDesign(design: Design, seed: number): SimulatedCohort {
  const random = createSeededRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const severity = Array.from({ length: design.interviewers }, () => (random() * 2 - 1) * 0.8);
  const gain = Array.from({ length: design.interviewers }, () => 1 + design.gainSd * normal());
  const ability = Array.from({ length: design.candidates }, () => 2.5 + 0.6 * normal());
  const ratings: Rating[] = [];
  for (let c = 0; c < design.candidates; c++) {
    const size = design.panelMin + Math.floor(random() * (design.panelMax - design.panelMin + 1));
    const strength = ((ability[c] as number) - 2.5) / 0.6;
    // Weighted sampling without replacement; weight 1 everywhere unless harsh interviewers go to strong candidates.
    const weights = severity.map((s) => Math.exp(-design.harshToStrong * strength * (s / 0.8)));
    const panel: number[] = [];
    while (panel.length < size) {
      const total = weights.reduce((sum, w, j) => sum + (panel.includes(j) ? 0 : w), 0);
      let pick = random() * total;
      let chosen = -1;
      for (let j = 0; j < weights.length; j++) {
        if (panel.includes(j)) continue;
        pick -= weights[j] as number;
        chosen = j;
        if (pick <= 0) break;
      }
      panel.push(chosen);
    }
    for (const j of panel) {
      const halo = design.haloSd * normal();
      for (let s = 0; s < design.signals; s++) {
        const latent =
          2.5 +
          (gain[j] as number) * ((ability[c] as number) - 2.5) +
          (severity[j] as number) +
          halo +
          design.noise * normal();
        ratings.push({
          candidateId: `c${String(c).padStart(3, "0")}`,
          interviewerId: `i${String(j).padStart(2, "0")}`,
          key: `signal-${s}`,
          value: Math.min(4, Math.max(1, Math.round(latent))),
        });
      }
    }
  }
  return { ratings, ability, severity, gain };
}

export interface SeedMetrics {
  rmseV1: number;
  rmseV2: number;
  rhoRaw: number;
  rhoCalibrated: number;
  slope: number;
  severityCovered: number;
  severityCount: number;
  candidateCovered: number;
  candidateCount: number;
}

/**
 * Runs v1 and v2 on one simulated cohort. Severities, gains and scores are identified only relative to the
 * panel, so the truth is expressed the same way: with ḡ the panel's mean gain and s̄ its mean severity,
 * a candidate's target is 2.5 + ḡ (ability − 2.5) + s̄ (what the panel's average interviewer would give)
 * and an interviewer's is s_j − (g_j / ḡ) s̄.
 */
export function evaluateSeed(design: Design, seed: number): SeedMetrics {
  const cohort = simulateDesign(design, seed);
  const v2 = calibrate(cohort.ratings, { seed });
  const v1 = calibrateV1(cohort.ratings);
  const meanGain = average(cohort.gain);
  const meanSeverity = average(cohort.severity);
  const truthSeverity = cohort.severity.map((s, j) => s - ((cohort.gain[j] as number) / meanGain) * meanSeverity);
  const id = (j: number): string => `i${String(j).padStart(2, "0")}`;
  const v2ById = new Map(v2.interviewers.map((i) => [i.interviewerId, i]));
  const v1ById = new Map(v1.interviewers.map((i) => [i.interviewerId, i.severity]));
  const estimates = truthSeverity.map((_, j) => v2ById.get(id(j)));
  let covered = 0;
  const squaresV2: number[] = [];
  const squaresV1: number[] = [];
  truthSeverity.forEach((truth, j) => {
    const estimate = estimates[j];
    const value = estimate?.severity ?? Number.NaN;
    squaresV2.push((value - truth) ** 2);
    squaresV1.push(((v1ById.get(id(j)) ?? Number.NaN) - truth) ** 2);
    if (Math.abs(value - truth) <= 1.96 * (estimate?.standardError ?? Number.NaN)) covered++;
  });
  const overall = v2.candidates.filter((s) => s.kind === "overall");
  let candidateCovered = 0;
  overall.forEach((score, c) => {
    const truth = 2.5 + meanGain * ((cohort.ability[c] as number) - 2.5) + meanSeverity;
    if (Math.abs((score.calibrated ?? Number.NaN) - truth) <= 1.96 * (score.standardError ?? Number.NaN))
      candidateCovered++;
  });
  const estimated = estimates.map((e) => e?.severity ?? Number.NaN);
  return {
    rmseV1: Math.sqrt(average(squaresV1)),
    rmseV2: Math.sqrt(average(squaresV2)),
    rhoRaw: spearman(
      overall.map((s) => s.raw),
      cohort.ability,
    ),
    rhoCalibrated: spearman(
      overall.map((s) => s.calibrated ?? Number.NaN),
      cohort.ability,
    ),
    slope: regressionSlope(estimated, truthSeverity),
    severityCovered: covered,
    severityCount: truthSeverity.length,
    candidateCovered,
    candidateCount: overall.length,
  };
}

export interface DesignSummary {
  design: string;
  rmseV1: number;
  rmseV2: number;
  rhoRaw: number;
  rhoCalibrated: number;
  slope: number;
  severityCoverage: number;
  candidateCoverage: number;
}

export function summarizeDesign(design: Design, seeds: number[]): DesignSummary {
  const runs = seeds.map((seed) => evaluateSeed(design, seed));
  const sum = (pick: (m: SeedMetrics) => number): number => runs.reduce((total, m) => total + pick(m), 0);
  return {
    design: design.label,
    rmseV1: sum((m) => m.rmseV1) / runs.length,
    rmseV2: sum((m) => m.rmseV2) / runs.length,
    rhoRaw: sum((m) => m.rhoRaw) / runs.length,
    rhoCalibrated: sum((m) => m.rhoCalibrated) / runs.length,
    slope: sum((m) => m.slope) / runs.length,
    severityCoverage: sum((m) => m.severityCovered) / sum((m) => m.severityCount),
    candidateCoverage: sum((m) => m.candidateCovered) / sum((m) => m.candidateCount),
  };
}

/** The 20 seeds of every design. */
export const SIMULATION_SEEDS = Array.from({ length: 20 }, (_, i) => 1_000 + i);

export function formatSummary(summary: DesignSummary): Record<string, string> {
  const fixed = (value: number, digits = 3): string => value.toFixed(digits);
  return {
    design: summary.design,
    "RMSE v1": fixed(summary.rmseV1),
    "RMSE v2": fixed(summary.rmseV2),
    "ρ raw": fixed(summary.rhoRaw),
    "ρ calibrated": fixed(summary.rhoCalibrated),
    slope: fixed(summary.slope, 2),
    "coverage severities": `${(100 * summary.severityCoverage).toFixed(1)}%`,
    "coverage candidates": `${(100 * summary.candidateCoverage).toFixed(1)}%`,
  };
}

// ---------------------------------------------------------------------------------------------------

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function regressionSlope(y: number[], x: number[]): number {
  const mx = average(x);
  const my = average(y);
  let xy = 0;
  let xx = 0;
  x.forEach((value, i) => {
    xy += (value - mx) * ((y[i] as number) - my);
    xx += (value - mx) ** 2;
  });
  return xy / xx;
}

/** Ranks from 1, ties sharing their average rank. */
function rank(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    for (let k = start; k <= end; k++) ranks[order[k]?.index ?? 0] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function spearman(a: number[], b: number[]): number {
  const ra = rank(a);
  const rb = rank(b);
  const ma = average(ra);
  const mb = average(rb);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  ra.forEach((value, i) => {
    ab += (value - ma) * ((rb[i] as number) - mb);
    aa += (value - ma) ** 2;
    bb += ((rb[i] as number) - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}
