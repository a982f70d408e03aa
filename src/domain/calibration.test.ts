import { describe, expect, it } from "vitest";
import { calibrate, type CalibrationResult, DEFAULT_SHRINKAGE, measureAgreement, type Rating } from "./calibration";
import { krippendorffAlpha } from "./krippendorff";

// ---------------------------------------------------------------------------------------------------
// Seeded simulation helpers: every random number below comes from a fixed seed, so a failure reproduces.

/** mulberry32: a 32-bit state generator, small and fast, good enough for simulated cohorts. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal by Box–Muller; 1 − u keeps the logarithm away from 0. */
function drawNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pickDistinct(random: () => number, count: number, from: number): number[] {
  const pool = Array.from({ length: from }, (_, i) => i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, count);
}

/** Ranks from 1, ties sharing their average rank (as Spearman's ρ requires). */
function rankWithTies(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    for (let k = start; k <= end; k++) ranks[order[k]?.index ?? 0] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function correlate(a: number[], b: number[]): number {
  const meanA = a.reduce((sum, v) => sum + v, 0) / a.length;
  const meanB = b.reduce((sum, v) => sum + v, 0) / b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((value, i) => {
    const da = value - meanA;
    const db = (b[i] ?? 0) - meanB;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  });
  return ab / Math.sqrt(aa * bb);
}

const correlateRanks = (a: number[], b: number[]): number => correlate(rankWithTies(a), rankWithTies(b));
const average = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
const formatCandidate = (c: number): string => `c${String(c).padStart(2, "0")}`;
const clampToScale = (x: number): number => Math.min(4, Math.max(1, Math.round(x)));

interface Cohort {
  ratings: Rating[];
  ability: number[];
  severity: number[];
}

interface CohortShape {
  candidates: number;
  interviewers: number;
  signals: number;
  noise: number;
  /** Maps a latent score to the recorded value; identity gives Gaussian data for the standard-error checks. */
  record: (latent: number) => number;
}

const ISSUE_SHAPE: CohortShape = { candidates: 30, interviewers: 8, signals: 6, noise: 0.5, record: clampToScale };

/**
 * The issue's cohort: abilities N(2.5, 0.6), severities uniform in ±0.8, each candidate seen by 4–6 of the
 * interviewers, rating = clamp(round(ability + severity + noise), 1, 4) with noise σ = 0.5.
 */
interface FixedDesign {
  ability?: number[];
  panels?: number[][];
  severity?: number[];
}

function simulateCohort(seed: number, shape: CohortShape = ISSUE_SHAPE, fixed: FixedDesign = {}): Cohort {
  const random = createRandom(seed);
  const drawn = Array.from({ length: shape.interviewers }, () => (random() * 2 - 1) * 0.8);
  const severity = fixed.severity ?? drawn;
  const ability = fixed.ability ?? Array.from({ length: shape.candidates }, () => 2.5 + 0.6 * drawNormal(random));
  const ratings: Rating[] = [];
  for (let c = 0; c < shape.candidates; c++) {
    const panel = fixed.panels?.[c] ?? pickDistinct(random, 4 + Math.floor(random() * 3), shape.interviewers);
    for (const j of panel) {
      for (let s = 0; s < shape.signals; s++) {
        const latent = (ability[c] ?? 0) + (severity[j] ?? 0) + shape.noise * drawNormal(random);
        ratings.push({ candidateId: formatCandidate(c), interviewerId: `i${j}`, key: `signal-${s}`, value: shape.record(latent) });
      }
    }
  }
  return { ratings, ability, severity };
}

const overallScores = (result: CalibrationResult) => result.candidates.filter((score) => score.key === null);
const findInterviewer = (result: CalibrationResult, id: string) => {
  const estimate = result.interviewers.find((i) => i.interviewerId === id);
  if (!estimate) throw new Error(`no estimate for ${id}`);
  return estimate;
};
const findScore = (result: CalibrationResult, candidateId: string, key: string | null) => {
  const score = result.candidates.find((s) => s.candidateId === candidateId && s.key === key);
  if (!score) throw new Error(`no score for ${candidateId}/${key}`);
  return score;
};
/** Only differences between severities are identifiable, so truth is compared after centring it too. */
const centre = (values: number[]): number[] => values.map((v) => v - average(values));
const rate = (candidateId: string, interviewerId: string, value: number, key = "k"): Rating => ({ candidateId, interviewerId, key, value });

// ---------------------------------------------------------------------------------------------------

describe("calibrate: simulated cohorts (30 candidates × 8 interviewers, 20 seeds)", () => {
  // One rating per scorecard is not enough: with 4-point rounding and clamping the worst of 20 seeds had a
  // severity RMSE of 0.27 and the mean calibrated ρ was 0.88. Each scorecard therefore rates 6 signals of
  // the same ability with independent noise (no halo effect, an optimistic assumption), grouped by signal.
  const runs = Array.from({ length: 20 }, (_, i) => {
    const cohort = simulateCohort(1_000 + i);
    const result = calibrate(cohort.ratings);
    const truth = centre(cohort.severity);
    const estimated = truth.map((_, j) => findInterviewer(result, `i${j}`).severity);
    const rmse = Math.sqrt(average(estimated.map((value, j) => (value - (truth[j] ?? 0)) ** 2)));
    const overall = overallScores(result);
    return {
      result,
      rmse,
      calibratedRho: correlateRanks(overall.map((s) => s.calibrated), cohort.ability),
      rawRho: correlateRanks(overall.map((s) => s.raw), cohort.ability),
    };
  });

  it("recovers interviewer severities with RMSE ≤ 0.15 on every seed", () => {
    for (const run of runs) expect(run.rmse).toBeLessThanOrEqual(0.15);
  });

  it("ranks candidates like their true ability (Spearman ρ ≥ 0.9 on every seed)", () => {
    for (const run of runs) expect(run.calibratedRho).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks candidates better than raw means on average", () => {
    const calibrated = average(runs.map((run) => run.calibratedRho));
    const raw = average(runs.map((run) => run.rawRho));
    expect(calibrated).toBeGreaterThan(raw);
  });

  it("converges quickly, everyone identifiable, without warnings", () => {
    for (const { result } of runs) {
      expect(result.converged).toBe(true);
      expect(result.iterations).toBeLessThan(50);
      expect(result.interviewers.every((i) => i.identifiable)).toBe(true);
      expect(result.warnings).toEqual([]);
    }
  });

  it("returns one overall score and one per signal for every candidate", () => {
    const { result } = runs[0] as (typeof runs)[number];
    expect(overallScores(result)).toHaveLength(30);
    expect(result.candidates).toHaveLength(30 * 7);
    expect(result.interviewers.map((i) => i.interviewerId)).toEqual(["i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"]);
  });
});

describe("calibrate: the fitted model", () => {
  it("returns empty results for empty input", () => {
    expect(calibrate([])).toEqual({ candidates: [], interviewers: [], warnings: [], iterations: 0, converged: true });
  });

  it("recovers severities and scores exactly from noiseless additive data (λ = 0)", () => {
    const severity: Record<string, number> = { a: 0.5, b: -0.2, c: -0.3 };
    const ability: Record<string, number> = { x: 3, y: 2.2, z: 1.6 };
    const panels: Record<string, string[]> = { x: ["a", "b"], y: ["b", "c"], z: ["a", "c"] };
    const ratings = Object.entries(panels).flatMap(([candidate, raters]) =>
      raters.flatMap((rater) => ["k1", "k2"].map((key) => rate(candidate, rater, (ability[candidate] ?? 0) + (severity[rater] ?? 0) + (key === "k2" ? 0.4 : 0), key))),
    );
    const result = calibrate(ratings, { shrinkage: 0, tolerance: 1e-12 });
    for (const [id, value] of Object.entries(severity)) expect(findInterviewer(result, id).severity).toBeCloseTo(value, 9);
    for (const [id, value] of Object.entries(ability)) {
      expect(findScore(result, id, "k1").calibrated).toBeCloseTo(value, 9);
      expect(findScore(result, id, "k2").calibrated).toBeCloseTo(value + 0.4, 9);
      expect(findScore(result, id, null).calibrated).toBeCloseTo(value + 0.2, 9);
      // No noise left to measure: the standard errors collapse to 0.
      expect(findScore(result, id, null).standardError).toBeLessThan(1e-6);
    }
  });

  it("solves the penalised normal equations: cell residuals sum to 0, interviewer residuals to λ·severity", () => {
    const random = createRandom(77);
    const ratings = simulateCohort(77).ratings.map((r) => ({ ...r, weight: 0.5 + random() * 1.5 }));
    const shrinkage = 3;
    const result = calibrate(ratings, { shrinkage, tolerance: 1e-12 });
    const severityOf = new Map(result.interviewers.map((i) => [i.interviewerId, i.severity]));
    const thetaOf = new Map(result.candidates.map((s) => [`${s.candidateId}/${s.key}`, s.calibrated]));
    const byCell = new Map<string, number>();
    const byInterviewer = new Map<string, number>();
    for (const r of ratings) {
      const residual = (r.weight ?? 1) * (r.value - (thetaOf.get(`${r.candidateId}/${r.key}`) ?? Number.NaN) - (severityOf.get(r.interviewerId) ?? Number.NaN));
      byCell.set(`${r.candidateId}/${r.key}`, (byCell.get(`${r.candidateId}/${r.key}`) ?? 0) + residual);
      byInterviewer.set(r.interviewerId, (byInterviewer.get(r.interviewerId) ?? 0) + residual);
    }
    for (const sum of byCell.values()) expect(Math.abs(sum)).toBeLessThan(1e-9);
    for (const [id, sum] of byInterviewer) expect(sum).toBeCloseTo(shrinkage * (severityOf.get(id) ?? Number.NaN), 8);
    expect(Math.abs(average([...severityOf.values()]))).toBeLessThan(1e-9);
  });

  it("gives a lenient interviewer a positive severity and takes it back from the candidates they rated", () => {
    // "easy" gives 4 where the two others give 3, on every candidate.
    const ratings = [
      ...["w", "x", "y"].flatMap((c) => [rate(c, "easy", 4), rate(c, "fair", 3)]),
      ...["w", "y", "z"].flatMap((c) => [rate(c, "easy", 4), rate(c, "fair2", 3)]),
      rate("x", "fair2", 3),
      rate("z", "fair", 3),
    ];
    const result = calibrate(ratings, { shrinkage: 0 });
    // Relative to the panel mean: easy is +2/3, the two others −1/3 each.
    expect(findInterviewer(result, "easy").severity).toBeCloseTo(2 / 3, 6);
    expect(findInterviewer(result, "fair").severity).toBeCloseTo(-1 / 3, 6);
    // w drew "easy" in two of four ratings, so the correction takes back (2·2/3 − 1/3 − 1/3) / 4 = 1/6;
    // x drew each interviewer once, so its corrections cancel.
    const w = findScore(result, "w", "k");
    expect(w.raw).toBeCloseTo(3.5, 12);
    expect(w.calibrated).toBeCloseTo(10 / 3, 6);
    expect(findScore(result, "x", "k").calibrated).toBeCloseTo(findScore(result, "x", "k").raw, 6);
  });

  it("shifts scores, not severities, when every rating moves by a constant", () => {
    const ratings = simulateCohort(5).ratings;
    const base = calibrate(ratings, { tolerance: 1e-10 });
    const shifted = calibrate(ratings.map((r) => ({ ...r, value: r.value + 0.7 })), { tolerance: 1e-10 });
    base.interviewers.forEach((estimate, j) => expect(shifted.interviewers[j]?.severity).toBeCloseTo(estimate.severity, 8));
    base.candidates.forEach((score, i) => expect(shifted.candidates[i]?.calibrated).toBeCloseTo(score.calibrated + 0.7, 8));
  });

  it("treats weight 2 like the same rating given twice", () => {
    const ratings = simulateCohort(9).ratings.slice(0, 400);
    const doubled = ratings.map((r, i) => (i % 3 === 0 ? { ...r, weight: 2 } : r));
    const repeated = ratings.flatMap((r, i) => (i % 3 === 0 ? [r, r] : [r]));
    const a = calibrate(doubled, { tolerance: 1e-11 });
    const b = calibrate(repeated, { tolerance: 1e-11 });
    a.interviewers.forEach((estimate, j) => expect(estimate.severity).toBeCloseTo(b.interviewers[j]?.severity ?? Number.NaN, 8));
    a.candidates.forEach((score, i) => expect(score.calibrated).toBeCloseTo(b.candidates[i]?.calibrated ?? Number.NaN, 8));
  });

  it("makes the overall score the rating-weighted mean of the candidate's per-key scores", () => {
    const result = calibrate(simulateCohort(11).ratings);
    for (const overall of overallScores(result)) {
      const keyed = result.candidates.filter((s) => s.candidateId === overall.candidateId && s.key !== null);
      const weight = keyed.reduce((sum, s) => sum + s.ratings, 0);
      expect(overall.ratings).toBe(weight);
      expect(overall.calibrated).toBeCloseTo(keyed.reduce((sum, s) => sum + s.ratings * s.calibrated, 0) / weight, 10);
      expect(overall.raw).toBeCloseTo(keyed.reduce((sum, s) => sum + s.ratings * s.raw, 0) / weight, 10);
    }
  });

  it("reports non-convergence when the iteration budget runs out", () => {
    const result = calibrate(simulateCohort(3).ratings, { maxIterations: 1 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
    expect(result.warnings.some((w) => w.includes("did not converge"))).toBe(true);
  });

  it.each([
    ["a non-finite value", [{ ...rate("x", "a", 3), value: Number.NaN }], {}],
    ["a zero weight", [{ ...rate("x", "a", 3), weight: 0 }], {}],
    ["a negative shrinkage", [rate("x", "a", 3)], { shrinkage: -1 }],
    ["a fractional iteration budget", [rate("x", "a", 3)], { maxIterations: 2.5 }],
  ])("rejects %s", (_label, ratings, options) => {
    expect(() => calibrate(ratings, options)).toThrow(RangeError);
  });
});

describe("calibrate: standard errors", () => {
  // A fixed design and fixed abilities; only the noise (and, for the ridge, the severities) change between
  // replicates. Gaussian, unrounded ratings, because the formulas are exact for that model.
  const shape: CohortShape = { candidates: 30, interviewers: 8, signals: 2, noise: 0.5, record: (x) => x };
  const designRandom = createRandom(2_024);
  const design = {
    ability: Array.from({ length: 30 }, () => 2.5 + 0.6 * drawNormal(designRandom)),
    panels: Array.from({ length: 30 }, () => pickDistinct(designRandom, 4 + Math.floor(designRandom() * 3), 8)),
    severity: Array.from({ length: 8 }, () => (designRandom() * 2 - 1) * 0.8),
  };
  const REPLICATES = 300;

  it("match the scatter of severities and scores over replicated noise (λ = 0)", () => {
    const severities: number[][] = Array.from({ length: 8 }, () => []);
    const severityErrors: number[][] = Array.from({ length: 8 }, () => []);
    const scores: number[][] = Array.from({ length: 30 }, () => []);
    const scoreErrors: number[][] = Array.from({ length: 30 }, () => []);
    for (let rep = 0; rep < REPLICATES; rep++) {
      const result = calibrate(simulateCohort(50_000 + rep, shape, design).ratings, { shrinkage: 0 });
      result.interviewers.forEach((estimate, j) => {
        severities[j]?.push(estimate.severity);
        severityErrors[j]?.push(estimate.standardError);
      });
      overallScores(result).forEach((score, c) => {
        scores[c]?.push(score.calibrated);
        scoreErrors[c]?.push(score.standardError);
      });
    }
    const sd = (values: number[]) => Math.sqrt(average(values.map((v) => (v - average(values)) ** 2)) * (values.length / (values.length - 1)));
    // With 300 replicates an SD is known to about ±4%, so ±15% fails only on a real formula error.
    severities.forEach((values, j) => expect(sd(values) / average(severityErrors[j] ?? [])).toBeGreaterThan(0.85));
    severities.forEach((values, j) => expect(sd(values) / average(severityErrors[j] ?? [])).toBeLessThan(1.15));
    scores.forEach((values, c) => expect(sd(values) / average(scoreErrors[c] ?? [])).toBeGreaterThan(0.85));
    scores.forEach((values, c) => expect(sd(values) / average(scoreErrors[c] ?? [])).toBeLessThan(1.15));
  });

  it("match the prediction error of shrunk severities when severities are drawn from the prior (λ = σ²/τ²)", () => {
    // The ridge estimate is biased for any fixed severity; its standard error is the random-effect prediction
    // error, so the check draws severities with variance τ² = σ² / λ afresh in every replicate.
    const shrinkage = 5;
    const tau = shape.noise / Math.sqrt(shrinkage);
    const squaredErrors: number[] = [];
    const reported: number[] = [];
    for (let rep = 0; rep < REPLICATES; rep++) {
      const random = createRandom(90_000 + rep);
      const severity = Array.from({ length: 8 }, () => tau * drawNormal(random));
      const ratings: Rating[] = [];
      design.panels.forEach((panel, c) =>
        panel.forEach((j) => {
          for (let s = 0; s < shape.signals; s++) {
            const value = (design.ability[c] ?? 0) + (severity[j] ?? 0) + shape.noise * drawNormal(random);
            ratings.push({ candidateId: formatCandidate(c), interviewerId: `i${j}`, key: `signal-${s}`, value });
          }
        }),
      );
      const result = calibrate(ratings, { shrinkage });
      const truth = centre(severity);
      result.interviewers.forEach((estimate, j) => {
        squaredErrors.push((estimate.severity - (truth[j] ?? 0)) ** 2);
        reported.push(estimate.standardError ** 2);
      });
    }
    expect(Math.sqrt(average(squaredErrors) / average(reported))).toBeGreaterThan(0.9);
    expect(Math.sqrt(average(squaredErrors) / average(reported))).toBeLessThan(1.1);
  });

  it("estimates each interviewer's spread near the simulated noise", () => {
    const result = calibrate(simulateCohort(4_242, { ...shape, signals: 6 }, design).ratings, { shrinkage: 0 });
    for (const estimate of result.interviewers) {
      expect(estimate.spread).toBeGreaterThan(0.4);
      expect(estimate.spread).toBeLessThan(0.6);
    }
  });
});

describe("calibrate: what the data cannot support", () => {
  // Main panel a, b, c rate x1..x4 together; z alone rates x9; p and q rate x10 and x11 between them only;
  // y rates x1, but on a key nobody else used, so it shares no cell with anyone.
  const mainPanel = ["x1", "x2", "x3", "x4"].flatMap((c, i) => [rate(c, "a", 2 + (i % 2)), rate(c, "b", 3), rate(c, "c", 2 + ((i + 1) % 3))]);
  const outsiders = [rate("x9", "z", 4), rate("x9", "z", 4, "k2"), rate("x10", "p", 3), rate("x10", "q", 2), rate("x11", "p", 4), rate("x11", "q", 3), rate("x1", "y", 1, "rare")];
  const result = calibrate([...mainPanel, ...outsiders]);

  it("marks interviewers outside the main panel as not identifiable, with severity 0 and no standard error", () => {
    for (const id of ["p", "q", "y", "z"]) {
      const estimate = findInterviewer(result, id);
      expect(estimate.identifiable).toBe(false);
      expect(estimate.severity).toBe(0);
      expect(estimate.standardError).toBeNaN();
    }
    for (const id of ["a", "b", "c"]) expect(findInterviewer(result, id).identifiable).toBe(true);
  });

  it("lists them in a warning and names the candidates left uncalibrated", () => {
    expect(result.warnings.find((w) => w.startsWith("Severity not identifiable"))).toContain("p, q, y, z");
    expect(result.warnings.find((w) => w.startsWith("Not calibrated"))).toContain("x10, x11, x9");
    expect(findScore(result, "x10", null).calibrated).toBe(findScore(result, "x10", null).raw);
  });

  it("keeps the main panel's estimates unaffected by disconnected interviewers", () => {
    const alone = calibrate(mainPanel);
    for (const id of ["a", "b", "c"]) expect(findInterviewer(result, id).severity).toBeCloseTo(findInterviewer(alone, id).severity, 10);
  });

  it("flags candidates with too few ratings or a single interviewer", () => {
    const thin = result.warnings.find((w) => w.startsWith("Too few ratings"));
    expect(thin).toContain("x9 (1 interviewer, 2 ratings)");
    expect(thin).not.toContain("x1 ");
  });

  it("says so when no severity can be estimated at all", () => {
    const single = calibrate([rate("x", "a", 3), rate("y", "a", 2), rate("x", "a", 4, "k2")]);
    expect(single.interviewers).toEqual([expect.objectContaining({ interviewerId: "a", identifiable: false, severity: 0 })]);
    expect(single.candidates.every((s) => s.calibrated === s.raw)).toBe(true);
    expect(single.warnings[0]).toContain("No two interviewers rated the same candidate");
  });

  it("shrinks a 2-rating interviewer's severity toward 0 compared with λ = 0", () => {
    const cohort = simulateCohort(31).ratings;
    // A newcomer who rates two candidates a full point above everyone else.
    const newcomer = ["c00", "c01"].map((candidateId) => {
      const others = cohort.filter((r) => r.candidateId === candidateId && r.key === "signal-0");
      return rate(candidateId, "newcomer", average(others.map((r) => r.value)) + 1, "signal-0");
    });
    const shrunk = calibrate([...cohort, ...newcomer]);
    const unshrunk = calibrate([...cohort, ...newcomer], { shrinkage: 0 });
    const withPenalty = findInterviewer(shrunk, "newcomer").severity;
    const withoutPenalty = findInterviewer(unshrunk, "newcomer").severity;
    expect(DEFAULT_SHRINKAGE).toBe(5);
    expect(withoutPenalty).toBeGreaterThan(0.7);
    expect(withPenalty).toBeGreaterThan(0);
    // Roughly the n / (n + λ) = 2 / 7 of the unpenalised estimate, not merely a little smaller.
    expect(withPenalty).toBeLessThan(0.5 * withoutPenalty);
    expect(findInterviewer(shrunk, "newcomer").standardError).toBeGreaterThan(findInterviewer(shrunk, "i0").standardError);
    expect(shrunk.warnings.find((w) => w.startsWith("Severity rests on fewer"))).toContain("newcomer (2)");
  });
});

describe("measureAgreement", () => {
  it("computes Krippendorff's alpha per key with each candidate as a unit", () => {
    const ratings = [rate("x", "a", 1, "s1"), rate("x", "b", 2, "s1"), rate("y", "a", 3, "s1"), rate("y", "b", 3, "s1"), rate("y", "c", 4, "s1"), rate("x", "a", 2, "s0"), rate("y", "a", 3, "s0")];
    expect(measureAgreement(ratings)).toEqual([
      { key: "s0", alpha: null, units: 0, pairableValues: 0 },
      { key: "s1", alpha: krippendorffAlpha([[1, 2], [3, 3, 4]], "ordinal"), units: 2, pairableValues: 5 },
    ]);
  });

  it("finds lower agreement on every signal when interviewers differ in severity", () => {
    const design = { ability: simulateCohort(8).ability };
    const uneven = measureAgreement(simulateCohort(8, ISSUE_SHAPE, design).ratings);
    const even = measureAgreement(simulateCohort(8, ISSUE_SHAPE, { ...design, severity: new Array<number>(8).fill(0) }).ratings);
    expect(uneven).toHaveLength(6);
    uneven.forEach(({ alpha }, s) => {
      expect(alpha).not.toBeNull();
      expect(alpha as number).toBeGreaterThan(0);
      expect(alpha as number).toBeLessThan(even[s]?.alpha ?? Number.NaN);
    });
  });
});
