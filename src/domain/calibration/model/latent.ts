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
    const densityA = a === -Infinity ? 0 : Math.exp(-0.5 * a * a) * INVERSE_SQRT_2PI;
    const densityB = b === Infinity ? 0 : Math.exp(-0.5 * b * b) * INVERSE_SQRT_2PI;
    const lowerTail = a === -Infinity ? 0 : densityA * millsRatio(-a);
    const upperTail = b === Infinity ? 0 : densityB * millsRatio(b);
    const probability = 1 - lowerTail - upperTail;
    out[0] = (densityA - densityB) / probability;
    out[1] = ((a === -Infinity ? 0 : a * densityA) - (b === Infinity ? 0 : b * densityB)) / probability;
  }
}

/** 0 ≤ a < b ≤ ∞: Z = φ(a) [R(a) − r R(b)] with r = φ(b) / φ(a) and R the Mills ratio. */
function tailMoments(a: number, b: number, out: Float64Array): void {
  const ratio = b === Infinity ? 0 : Math.exp(-0.5 * (b - a) * (b + a));
  const denominator = millsRatio(a) - (ratio === 0 ? 0 : ratio * millsRatio(b));
  out[0] = (1 - ratio) / denominator;
  out[1] = (a - (ratio === 0 ? 0 : b * ratio)) / denominator;
}
