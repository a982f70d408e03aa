// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (../simulation.test.ts).
// Do not use in the product: ../calibrate.ts is the engine.

import { type IndexedRatings, type MainPanel } from "./ratings";

// ---------------------------------------------------------------------------------------------------
// Fit: alternating least squares. With s fixed, the best θ of a cell is its weighted mean of (rating − s);
// with θ fixed, the best penalised s_j is Σ w (rating − θ) / (Σ w + λ). Each sweep lowers the penalised
// sum of squares, which is convex, so the sweeps converge to its minimum.

export interface Fit {
  severity: Float64Array;
  theta: Float64Array;
  iterations: number;
  converged: boolean;
}

export function fitSeverities(
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
      mean += pull[j];
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

export interface Noise {
  /** Pooled residual variance σ² (NaN without residual degrees of freedom). */
  variance: number;
  degreesOfFreedom: number;
  /** Per-interviewer residual SD, corrected for the cell means it was measured against. */
  spread: Float64Array;
}

export function estimateNoise(data: IndexedRatings, panel: MainPanel, fit: Fit): Noise {
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
export function computeSeverityCovariance(data: IndexedRatings, panel: MainPanel, shrinkage: number): Float64Array {
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
export function gatherCellWeights(data: IndexedRatings, panel: MainPanel) {
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
