// Krippendorff's alpha: how much raters agree beyond what their pooled ratings would give by chance.
// Pure and dependency-free; the formulas follow Krippendorff, "Computing Krippendorff's Alpha-Reliability"
// (2011), and are explained for coaches in docs/calibration.md.
//
//   alpha = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
//
// o is the coincidence matrix (every ordered pair of values given to the same unit, each unit's pairs
// weighted 1 / (m_u − 1) so that every pairable value counts once), n_c its row sums and n their total.

import { createSeededRandom } from "./random";

export type AlphaLevel = "ordinal" | "interval" | "nominal";

/**
 * Krippendorff's alpha for `units`, each the list of values its raters gave (null = not rated).
 * Returns null when alpha is undefined: fewer than two pairable values (no unit rated twice), or no
 * variation at all among the pairable values (expected disagreement 0).
 */
export function krippendorffAlpha(units: (number | null)[][], level: AlphaLevel): number | null {
  const pairable = collectPairableUnits(units);
  if (pairable.length === 0) return null;

  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length < 2) return null;
  const indexOf = new Map(values.map((value, index) => [value, index]));
  const size = values.length;

  return alphaFromCoincidences(buildCoincidenceMatrix(pairable, indexOf, size), values, level);
}

export interface AlphaIntervalOptions {
  /** Bootstrap replicates (default 1000). */
  replicates?: number;
  /** Central coverage of the interval (default 0.95). */
  confidence?: number;
  seed?: number;
}

/**
 * Percentile bootstrap interval for alpha: units are drawn with replacement (the units, not single
 * values, are the independent draws) and alpha is recomputed from each replicate's coincidences.
 * Seeded, so the same units give the same interval. Null when alpha is undefined in most replicates.
 */
export function krippendorffAlphaInterval(
  units: (number | null)[][],
  level: AlphaLevel,
  options: AlphaIntervalOptions = {},
): [number, number] | null {
  const replicates = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new RangeError(`replicates must be a whole number ≥ 1, got ${replicates}.`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}.`);
  const pairable = collectPairableUnits(units);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length < 2) return null;
  const indexOf = new Map(values.map((value, index) => [value, index]));
  const size = values.length;
  // Each unit's own coincidences, computed once; a replicate only adds up the drawn units'.
  const perUnit = pairable.map((unit) => buildCoincidenceMatrix([unit], indexOf, size));
  const random = createSeededRandom(options.seed ?? 1);
  const coincidences = new Float64Array(size * size);
  const alphas: number[] = [];
  for (let b = 0; b < replicates; b++) {
    coincidences.fill(0);
    for (let u = 0; u < perUnit.length; u++) {
      const drawn = perUnit[Math.floor(random() * perUnit.length)] as Float64Array;
      for (let i = 0; i < drawn.length; i++) coincidences[i] = (coincidences[i] as number) + (drawn[i] as number);
    }
    const alpha = alphaFromCoincidences(coincidences, values, level);
    if (alpha !== null) alphas.push(alpha);
  }
  if (alphas.length < replicates / 2) return null;
  alphas.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  const at = (q: number): number =>
    alphas[Math.min(alphas.length - 1, Math.max(0, Math.round(q * (alphas.length - 1))))] as number;
  return [at(tail), at(1 - tail)];
}

/** One cell of a coincidence matrix: the weight of ordered pairs (c, k) of values given to the same unit. */
export interface Coincidence {
  c: number;
  k: number;
  weight: number;
}

/**
 * Krippendorff's alpha from coincidences already added up elsewhere (the analytics page sums them in
 * PostgreSQL, one row per pair of values, so the ratings never leave the database). Each unit's pairs must be
 * weighted 1 / (m_u − 1) as in buildCoincidenceMatrix. Null when alpha is undefined.
 */
export function krippendorffAlphaFromCoincidences(cells: Coincidence[], level: AlphaLevel): number | null {
  const used = cells.filter((cell) => cell.weight > 0);
  for (const cell of used)
    if (!Number.isFinite(cell.c) || !Number.isFinite(cell.k) || !Number.isFinite(cell.weight))
      throw new RangeError("Krippendorff's alpha needs finite values and weights.");
  const values = [...new Set(used.flatMap((cell) => [cell.c, cell.k]))].sort((a, b) => a - b);
  if (values.length < 2) return null;
  const indexOf = new Map(values.map((value, index) => [value, index]));
  const size = values.length;
  const matrix = new Float64Array(size * size);
  for (const cell of used) {
    const at = (indexOf.get(cell.c) as number) * size + (indexOf.get(cell.k) as number);
    matrix[at] = (matrix[at] ?? 0) + cell.weight;
  }
  return alphaFromCoincidences(matrix, values, level);
}

function alphaFromCoincidences(coincidences: Float64Array, values: number[], level: AlphaLevel): number | null {
  const size = values.length;
  const marginals = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) marginals[c] = (marginals[c] ?? 0) + (coincidences[c * size + k] ?? 0);
  }
  const total = marginals.reduce((sum, count) => sum + count, 0);
  const distance = buildSquaredDistances(values, marginals, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance[c * size + k] ?? 0;
      observed += (coincidences[c * size + k] ?? 0) * delta;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/** Drops missing values and the units left with fewer than two values: a lone value pairs with nothing. */
function collectPairableUnits(units: (number | null)[][]): number[][] {
  const pairable: number[][] = [];
  for (const unit of units) {
    const present: number[] = [];
    for (const value of unit) {
      if (value === null) continue;
      // NaN would silently become its own category; an explicit null is the way to say "not rated".
      if (!Number.isFinite(value))
        throw new RangeError(`Krippendorff's alpha needs finite values or null, got ${value}.`);
      present.push(value);
    }
    if (present.length >= 2) pairable.push(present);
  }
  return pairable;
}

/** Row-major size×size matrix o_ck. A unit with m values holds m(m − 1) ordered pairs, each weighted 1/(m − 1). */
function buildCoincidenceMatrix(units: number[][], indexOf: Map<number, number>, size: number): Float64Array {
  const matrix = new Float64Array(size * size);
  const counts = new Map<number, number>();
  for (const unit of units) {
    counts.clear();
    for (const value of unit) {
      const index = indexOf.get(value) as number;
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const pairWeight = 1 / (unit.length - 1);
    for (const [c, countC] of counts) {
      for (const [k, countK] of counts) {
        // A value never pairs with itself, so a category's pairs with its own kind number n(n − 1).
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        matrix[c * size + k] = (matrix[c * size + k] ?? 0) + pairs * pairWeight;
      }
    }
  }
  return matrix;
}

/**
 * δ²_ck for every pair of observed values (row-major). The ordinal metric works on ranks, not numbers:
 * the distance between c and k is the count of pairable values from c to k inclusive, minus half of the
 * two end categories, squared. Categories nobody used therefore add no distance.
 */
function buildSquaredDistances(values: number[], marginals: Float64Array, level: AlphaLevel): Float64Array {
  const size = values.length;
  const distance = new Float64Array(size * size);
  for (let c = 0; c < size; c++) {
    let between = 0;
    for (let k = c; k < size; k++) {
      between += marginals[k] ?? 0;
      let delta: number;
      if (c === k) delta = 0;
      else if (level === "nominal") delta = 1;
      else if (level === "interval") delta = ((values[k] ?? 0) - (values[c] ?? 0)) ** 2;
      else delta = (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
      distance[c * size + k] = delta;
      distance[k * size + c] = delta;
    }
  }
  return distance;
}
