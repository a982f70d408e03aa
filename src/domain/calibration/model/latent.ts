// The latent-normal reading of a rating: rating v means the interviewer's latent score fell in
// [v − 0.5, v + 0.5], open-ended below 1.5 and above 3.5. These are the moments of a normal variable
// truncated to such an interval, computed without cancellation deep in the tails.

const INVERSE_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const SQRT_HALF = Math.SQRT1_2;

/**
 * erfcx(z) = exp(z²) erfc(z) for z ≥ 0: the Chebyshev fit of Numerical Recipes (relative error < 1.2e-7),
 * written without the exp(−z²) factor, so it stays accurate where erfc itself underflows.
 */
function scaledErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/** Upper tail of the standard normal divided by its density: Q(x) / φ(x) for x ≥ 0 (Mills ratio). */
function millsRatio(x: number): number {
  // Q(x) = ½ exp(−x²/2) erfcx(x/√2) and φ(x) = exp(−x²/2) / √(2π).
  return (0.5 * scaledErfc(x * SQRT_HALF)) / INVERSE_SQRT_2PI;
}

// Tables for the inner loops: the fit evaluates these moments three times per rating per iteration, and
// Math.exp dominated their cost. Both functions are smooth, so a cubic Hermite interpolant on a fine grid
// (exact derivatives from R′ = xR − 1 and E′ = −xE) reproduces them to ~1e-9 relative (R) and ~3e-11
// absolute (E); outside the tables the direct formulas are used. Built once from the direct formulas, so
// results are the same on every machine.
const MILLS_STEPS = 64;
const MILLS_MAX = 16;
const DENSITY_STEPS = 128;
const DENSITY_MAX = 8;
const millsValue = new Float64Array(MILLS_MAX * MILLS_STEPS + 2);
const millsSlope = new Float64Array(MILLS_MAX * MILLS_STEPS + 2);
const densityValue = new Float64Array(DENSITY_MAX * DENSITY_STEPS + 2);
const densitySlope = new Float64Array(DENSITY_MAX * DENSITY_STEPS + 2);
for (let i = 0; i < millsValue.length; i++) {
  const x = i / MILLS_STEPS;
  millsValue[i] = millsRatio(x);
  millsSlope[i] = (x * millsValue[i]! - 1) / MILLS_STEPS;
}
for (let i = 0; i < densityValue.length; i++) {
  const x = i / DENSITY_STEPS;
  densityValue[i] = Math.exp(-0.5 * x * x);
  densitySlope[i] = (-x * densityValue[i]!) / DENSITY_STEPS;
}

/** Cubic Hermite interpolation in a table of values and (step-scaled) slopes at position s ≥ 0 (in steps). */
function interpolate(values: Float64Array, slopes: Float64Array, s: number): number {
  const i = s | 0;
  const f = s - i;
  const y0 = values[i]!;
  const y1 = values[i + 1]!;
  const d0 = slopes[i]!;
  const d1 = slopes[i + 1]!;
  return y0 + f * (d0 + f * (3 * (y1 - y0) - 2 * d0 - d1 + f * (2 * (y0 - y1) + d0 + d1)));
}

/** Mills ratio R(x) for x ≥ 0, from the table where it has one. */
function mills(x: number): number {
  return x < MILLS_MAX ? interpolate(millsValue, millsSlope, x * MILLS_STEPS) : millsRatio(x);
}

/** φ(x)·√(2π) = exp(−x²/2), from the table where it has one. */
function gaussian(x: number): number {
  const ax = x < 0 ? -x : x;
  return ax < DENSITY_MAX ? interpolate(densityValue, densitySlope, ax * DENSITY_STEPS) : Math.exp(-0.5 * x * x);
}

/**
 * Moments of a standard normal truncated to (a, b), a < b, either end possibly infinite, written to
 * out[0] = λ = E[X | a < X < b] = (φ(a) − φ(b)) / Z and out[1] = κ = (a φ(a) − b φ(b)) / Z, so that
 * Var[X | a < X < b] = 1 + κ − λ². Both ends in one tail are handled by factoring out the nearer end's
 * density, which keeps the ratios accurate to ~1e-7 however far out the interval lies.
 */
export function truncatedMoments(a: number, b: number, out: Float64Array): void {
  if (a >= 0) {
    tailMoments(a, b, out);
  } else if (b <= 0) {
    // Mirror: X ↦ −X maps (a, b) to (−b, −a); λ changes sign, κ does not.
    tailMoments(-b, -a, out);
    out[0] = -out[0]!;
  } else {
    // a < 0 < b: the interval holds the mode, so Z is not small and direct differences are safe.
    const densityA = a === -Infinity ? 0 : gaussian(a) * INVERSE_SQRT_2PI;
    const densityB = b === Infinity ? 0 : gaussian(b) * INVERSE_SQRT_2PI;
    const lowerTail = a === -Infinity ? 0 : densityA * mills(-a);
    const upperTail = b === Infinity ? 0 : densityB * mills(b);
    const probability = 1 - lowerTail - upperTail;
    out[0] = (densityA - densityB) / probability;
    out[1] = ((a === -Infinity ? 0 : a * densityA) - (b === Infinity ? 0 : b * densityB)) / probability;
  }
}

/** 0 ≤ a < b ≤ ∞: Z = φ(a) [R(a) − r R(b)] with r = φ(b) / φ(a) and R the Mills ratio. */
function tailMoments(a: number, b: number, out: Float64Array): void {
  const ratio = b === Infinity ? 0 : Math.exp(-0.5 * (b - a) * (b + a));
  const denominator = mills(a) - (ratio === 0 ? 0 : ratio * mills(b));
  out[0] = (1 - ratio) / denominator;
  out[1] = (a - (ratio === 0 ? 0 : b * ratio)) / denominator;
}
