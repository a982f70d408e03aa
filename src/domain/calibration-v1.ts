// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (calibration-simulation.test.ts).
// Do not use in the product: src/domain/calibration.ts is the engine.
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
const MAX_LISTED_IDS = 20;

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

// ---------------------------------------------------------------------------------------------------
// Indexing: strings become dense integer indices once, so every sweep runs over typed arrays.

interface IndexedRatings {
  count: number;
  value: Float64Array;
  weight: Float64Array;
  group: Int32Array;
  interviewer: Int32Array;
  /** Groups are (candidate, key) cells; each gets its own θ. */
  groupCandidate: Int32Array;
  groupKey: string[];
  groupWeight: Float64Array;
  groupCount: Int32Array;
  /** Ratings ordered by group: groupOrder[groupStart[g] .. groupStart[g + 1]) are the ratings of g. */
  groupStart: Int32Array;
  groupOrder: Int32Array;
  candidateIds: string[];
  interviewerIds: string[];
  interviewerWeight: Float64Array;
  interviewerCount: Int32Array;
}

function indexRatings(ratings: Rating[]): IndexedRatings {
  const count = ratings.length;
  const value = new Float64Array(count);
  const weight = new Float64Array(count);
  const group = new Int32Array(count);
  const interviewer = new Int32Array(count);
  const candidateIndex = new Map<string, number>();
  const interviewerIndex = new Map<string, number>();
  // candidate → key → group: two small lookups instead of building a joined string per rating.
  const groupIndex = new Map<string, Map<string, number>>();
  const candidateIds: string[] = [];
  const interviewerIds: string[] = [];
  const groupCandidateList: number[] = [];
  const groupKey: string[] = [];

  for (let r = 0; r < count; r++) {
    const rating = ratings[r] as Rating;
    const ratingWeight = rating.weight ?? 1;
    if (!Number.isFinite(rating.value)) {
      throw new RangeError(
        `Rating ${r} (candidate ${rating.candidateId}, interviewer ${rating.interviewerId}) has no finite value.`,
      );
    }
    if (!Number.isFinite(ratingWeight) || ratingWeight <= 0) {
      throw new RangeError(
        `Rating ${r} has weight ${ratingWeight}; weights must be finite and > 0 (leave a rating out to ignore it).`,
      );
    }
    let candidate = candidateIndex.get(rating.candidateId);
    if (candidate === undefined) {
      candidate = candidateIds.length;
      candidateIndex.set(rating.candidateId, candidate);
      candidateIds.push(rating.candidateId);
      groupIndex.set(rating.candidateId, new Map());
    }
    const keys = groupIndex.get(rating.candidateId) as Map<string, number>;
    let cell = keys.get(rating.key);
    if (cell === undefined) {
      cell = groupKey.length;
      keys.set(rating.key, cell);
      groupKey.push(rating.key);
      groupCandidateList.push(candidate);
    }
    let rater = interviewerIndex.get(rating.interviewerId);
    if (rater === undefined) {
      rater = interviewerIds.length;
      interviewerIndex.set(rating.interviewerId, rater);
      interviewerIds.push(rating.interviewerId);
    }
    value[r] = rating.value;
    weight[r] = ratingWeight;
    group[r] = cell;
    interviewer[r] = rater;
  }

  const groups = groupKey.length;
  const groupWeight = new Float64Array(groups);
  const groupCount = new Int32Array(groups);
  const interviewerWeight = new Float64Array(interviewerIds.length);
  const interviewerCount = new Int32Array(interviewerIds.length);
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    const j = interviewer[r] as number;
    groupWeight[g] = (groupWeight[g] as number) + (weight[r] as number);
    groupCount[g] = (groupCount[g] as number) + 1;
    interviewerWeight[j] = (interviewerWeight[j] as number) + (weight[r] as number);
    interviewerCount[j] = (interviewerCount[j] as number) + 1;
  }
  // Counting sort by group, for the per-cell work after the fit.
  const groupStart = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) groupStart[g + 1] = (groupStart[g] as number) + (groupCount[g] as number);
  const cursor = groupStart.slice(0, groups);
  const groupOrder = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    groupOrder[cursor[g] as number] = r;
    cursor[g] = (cursor[g] as number) + 1;
  }

  return {
    count,
    value,
    weight,
    group,
    interviewer,
    groupCandidate: Int32Array.from(groupCandidateList),
    groupKey,
    groupWeight,
    groupCount,
    groupStart,
    groupOrder,
    candidateIds,
    interviewerIds,
    interviewerWeight,
    interviewerCount,
  };
}

// ---------------------------------------------------------------------------------------------------
// Identifiability: two interviewers can be compared only through cells (candidate, key) they both rated,
// directly or via a chain of others. Each connected component of that graph has its own unknown zero
// point, so severities are estimated in the largest component only (the "main panel").

interface MainPanel {
  /** Position of each interviewer in the panel (0..size−1), or −1 outside it. */
  position: Int32Array;
  members: Int32Array;
  size: number;
  /** Interviewers outside the panel, grouped by component, each component sorted by id. */
  outsiders: string[][];
}

function findMainPanel(data: IndexedRatings): MainPanel {
  const interviewers = data.interviewerIds.length;
  const parent = Int32Array.from({ length: interviewers }, (_, j) => j);
  const findRoot = (j: number): number => {
    let root = j;
    while ((parent[root] as number) !== root) root = parent[root] as number;
    // Path compression keeps later look-ups short.
    while ((parent[j] as number) !== root) {
      const next = parent[j] as number;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  const groups = data.groupKey.length;
  for (let g = 0; g < groups; g++) {
    const start = data.groupStart[g] as number;
    const end = data.groupStart[g + 1] as number;
    const first = findRoot(data.interviewer[data.groupOrder[start] as number] as number);
    for (let p = start + 1; p < end; p++) {
      const other = findRoot(data.interviewer[data.groupOrder[p] as number] as number);
      if (other !== first) parent[other] = first;
    }
  }

  const components = new Map<number, number[]>();
  for (let j = 0; j < interviewers; j++) {
    const root = findRoot(j);
    const members = components.get(root);
    if (members) members.push(j);
    else components.set(root, [j]);
  }
  const countRatings = (members: number[]): number =>
    members.reduce((sum, j) => sum + (data.interviewerCount[j] as number), 0);
  const firstId = (members: number[]): string =>
    members.map((j) => data.interviewerIds[j] as string).sort(compareText)[0] ?? "";
  // Most ratings wins; ties go to more interviewers, then to the smallest id, so the choice is repeatable.
  const ranked = [...components.values()].sort(
    (a, b) => countRatings(b) - countRatings(a) || b.length - a.length || compareText(firstId(a), firstId(b)),
  );
  const main = ranked[0] ?? [];
  // A lone interviewer has no one to be more or less lenient than.
  const panelMembers = main.length >= 2 ? main : [];
  const position = new Int32Array(interviewers).fill(-1);
  panelMembers.forEach((j, p) => (position[j] = p));
  const outsiders = ranked
    .filter((members) => members !== panelMembers)
    .map((members) => members.map((j) => data.interviewerIds[j] as string).sort(compareText));

  return { position, members: Int32Array.from(panelMembers), size: panelMembers.length, outsiders };
}

// ---------------------------------------------------------------------------------------------------
// Fit: alternating least squares. With s fixed, the best θ of a cell is its weighted mean of (rating − s);
// with θ fixed, the best penalised s_j is Σ w (rating − θ) / (Σ w + λ). Each sweep lowers the penalised
// sum of squares, which is convex, so the sweeps converge to its minimum.

interface Fit {
  severity: Float64Array;
  theta: Float64Array;
  iterations: number;
  converged: boolean;
}

function fitSeverities(
  data: IndexedRatings,
  panel: MainPanel,
  shrinkage: number,
  maxIterations: number,
  tolerance: number,
): Fit {
  const { count, value, weight, group, interviewer } = data;
  const severity = new Float64Array(data.interviewerIds.length);
  const theta = new Float64Array(data.groupKey.length);
  const pull = new Float64Array(data.interviewerIds.length);
  let iterations = 0;
  let converged = panel.size < 2;

  for (let sweep = 1; sweep <= maxIterations && !converged; sweep++) {
    iterations = sweep;
    updateTheta(data, severity, theta);

    pull.fill(0);
    for (let r = 0; r < count; r++) {
      const j = interviewer[r] as number;
      pull[j] =
        (pull[j] as number) + (weight[r] as number) * ((value[r] as number) - (theta[group[r] as number] as number));
    }
    let mean = 0;
    for (const j of panel.members) {
      pull[j] = (pull[j] as number) / ((data.interviewerWeight[j] as number) + shrinkage);
      mean += pull[j] as number;
    }
    mean /= panel.size;
    // Moving a constant from every severity into every θ leaves the fit unchanged, so the panel mean of
    // severities is ours to fix. Setting it to 0 is where the ridge optimum lies anyway (Σ_j λ s_j = 0 there),
    // it defines "relative to the panel" when λ = 0, and it removes the slowest mode of the sweeps.
    let change = 0;
    for (const j of panel.members) {
      const next = (pull[j] as number) - mean;
      change = Math.max(change, Math.abs(next - (severity[j] as number)));
      severity[j] = next;
    }
    converged = change < tolerance;
  }
  updateTheta(data, severity, theta);
  return { severity, theta, iterations, converged };
}

function updateTheta(data: IndexedRatings, severity: Float64Array, theta: Float64Array): void {
  const { count, value, weight, group, interviewer, groupWeight } = data;
  theta.fill(0);
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    theta[g] =
      (theta[g] as number) +
      (weight[r] as number) * ((value[r] as number) - (severity[interviewer[r] as number] as number));
  }
  for (let g = 0; g < theta.length; g++) theta[g] = (theta[g] as number) / (groupWeight[g] as number);
}

// ---------------------------------------------------------------------------------------------------
// Uncertainty.

interface Noise {
  /** Pooled residual variance σ² (NaN without residual degrees of freedom). */
  variance: number;
  degreesOfFreedom: number;
  /** Per-interviewer residual SD, corrected for the cell means it was measured against. */
  spread: Float64Array;
}

function estimateNoise(data: IndexedRatings, panel: MainPanel, fit: Fit): Noise {
  const { count, value, weight, group, interviewer, groupWeight } = data;
  const interviewers = data.interviewerIds.length;
  const squares = new Float64Array(interviewers);
  const freedom = new Float64Array(interviewers);
  let residualSum = 0;
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    const j = interviewer[r] as number;
    const w = weight[r] as number;
    const residual = (value[r] as number) - (fit.theta[g] as number) - (fit.severity[j] as number);
    squares[j] = (squares[j] as number) + w * residual * residual;
    // A rating pulls its own cell mean towards itself by w / W_g (its leverage), so E[w·residual²] is
    // σ²(1 − w / W_g); a cell's only rating carries no information about the noise at all.
    freedom[j] = (freedom[j] as number) + (1 - w / (groupWeight[g] as number));
    residualSum += w * residual * residual;
  }
  // One θ per cell and one severity per panel member, less the one fixed by centring.
  const degreesOfFreedom = count - data.groupKey.length - Math.max(0, panel.size - 1);
  const variance = degreesOfFreedom > 0 ? residualSum / degreesOfFreedom : Number.NaN;
  const spread = new Float64Array(interviewers);
  for (let j = 0; j < interviewers; j++) {
    const df = freedom[j] as number;
    spread[j] = df > 1e-9 ? Math.sqrt((squares[j] as number) / df) : Number.NaN;
  }
  return { variance, degreesOfFreedom, spread };
}

/**
 * Covariance of the centred panel severities, divided by σ² (row-major, panel × panel).
 *
 * Eliminating the cell means θ from the normal equations leaves (L + λI) s = b, where L is the Laplacian of
 * the interviewer graph: L_ab = −Σ_cells w_a w_b / W_cell for a ≠ b and each row sums to 0. The constant
 * vector is L's null space (the free zero point). With Q = L + λI + 11ᵀ/P, which is positive definite on
 * a connected panel even when λ = 0, the covariance of the centred severities is Q⁻¹ − 11ᵀ / (P(1 + λ)):
 * the pseudo-inverse L⁺ for λ = 0, and the ridge (random-effect) prediction-error covariance otherwise.
 */
function computeSeverityCovariance(data: IndexedRatings, panel: MainPanel, shrinkage: number): Float64Array {
  const size = panel.size;
  const matrix = new Float64Array(size * size);
  const cell = gatherCellWeights(data, panel);
  for (let g = 0; g < data.groupKey.length; g++) {
    const touched = cell.collect(g);
    if (touched.length === 0) continue;
    const total = data.groupWeight[g] as number;
    for (const a of touched) {
      const wa = cell.weightOf(a);
      matrix[a * size + a] = (matrix[a * size + a] as number) + wa;
      for (const b of touched)
        matrix[a * size + b] = (matrix[a * size + b] as number) - (wa * cell.weightOf(b)) / total;
    }
    cell.reset();
  }
  for (let a = 0; a < size; a++) {
    matrix[a * size + a] = (matrix[a * size + a] as number) + shrinkage;
    for (let b = 0; b < size; b++) matrix[a * size + b] = (matrix[a * size + b] as number) + 1 / size;
  }
  const inverse = invertPositiveDefinite(matrix, size);
  const zeroPoint = 1 / (size * (1 + shrinkage));
  for (let i = 0; i < inverse.length; i++) inverse[i] = (inverse[i] as number) - zeroPoint;
  return inverse;
}

/**
 * Per-cell weight of each panel interviewer, accumulated in a reusable scratch array so the per-cell
 * work is proportional to the cell's ratings, not to the panel's size.
 */
function gatherCellWeights(data: IndexedRatings, panel: MainPanel) {
  const scratch = new Float64Array(panel.size);
  let touched: number[] = [];
  return {
    collect(g: number): number[] {
      touched = [];
      for (let p = data.groupStart[g] as number; p < (data.groupStart[g + 1] as number); p++) {
        const r = data.groupOrder[p] as number;
        const position = panel.position[data.interviewer[r] as number] as number;
        if (position < 0) continue;
        if (scratch[position] === 0) touched.push(position);
        scratch[position] = (scratch[position] as number) + (data.weight[r] as number);
      }
      return touched;
    },
    weightOf: (position: number): number => scratch[position] as number,
    reset(): void {
      for (const position of touched) scratch[position] = 0;
    },
  };
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor, A = F Fᵀ, so A⁻¹ = F⁻ᵀ F⁻¹. */
function invertPositiveDefinite(matrix: Float64Array, size: number): Float64Array {
  const factor = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j] as number;
      for (let k = 0; k < j; k++) sum -= (factor[i * size + k] as number) * (factor[j * size + k] as number);
      if (i === j) {
        // Cannot happen for a connected panel; failing loudly beats returning meaningless errors.
        if (!(sum > 0)) throw new Error("Severity covariance is not positive definite: the panel is not connected.");
        factor[i * size + i] = Math.sqrt(sum);
      } else {
        factor[i * size + j] = sum / (factor[j * size + j] as number);
      }
    }
  }
  // Invert the factor column by column (forward substitution against the identity), storing column `col` of
  // F⁻¹ as row `col` of `transposed` so that every inner loop below walks memory contiguously.
  const transposed = new Float64Array(size * size);
  for (let col = 0; col < size; col++) {
    const row = col * size;
    for (let i = col; i < size; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= (factor[i * size + k] as number) * (transposed[row + k] as number);
      transposed[row + i] = sum / (factor[i * size + i] as number);
    }
  }
  // (F⁻ᵀ F⁻¹)_ij = Σ_k (F⁻¹)_ki (F⁻¹)_kj, and (F⁻¹)_ki is 0 for k < i.
  const inverse = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < size; k++) sum += (transposed[i * size + k] as number) * (transposed[j * size + k] as number);
      inverse[i * size + j] = sum;
      inverse[j * size + i] = sum;
    }
  }
  return inverse;
}

// ---------------------------------------------------------------------------------------------------
// Results.

function summarizeCandidates(
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

function summarizeInterviewers(
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

function collectWarnings(
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

function formatIdList(ids: string[]): string {
  if (ids.length <= MAX_LISTED_IDS) return ids.join(", ");
  return `${ids.slice(0, MAX_LISTED_IDS).join(", ")} and ${ids.length - MAX_LISTED_IDS} more`;
}

const formatNumber = (value: number): string => String(Math.round(value * 100) / 100);

/** Code-unit order: repeatable on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
