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

/** Cubic Hermite interpolation in a table of values and (step-scaled) slopes at step i + f, 0 ≤ f < 1. */
export function interpolate(values: Float64Array, slopes: Float64Array, i: number, f: number): number {
  const y0 = values[i]!;
  const y1 = values[i + 1]!;
  const d0 = slopes[i]!;
  const d1 = slopes[i + 1]!;
  return y0 + f * (d0 + f * (3 * (y1 - y0) - 2 * d0 - d1 + f * (2 * (y0 - y1) + d0 + d1)));
}

/**
 * The interval tables' layout: per step i, λ's and then κ's cubic in the fraction f, four coefficients each
 * (y0, d0, c2, c3: the value y0 + f (d0 + f (c2 + f c3)), interpolate's cubic with its last two coefficients
 * computed once, the same numbers to the bit), so one step's eight numbers lie together in memory.
 */
export const PACKED = 8;

/** λ or κ at step i + f of a packed table: `o` = PACKED · i, + 4 for κ. */
export function cubic(packed: Float64Array, o: number, f: number): number {
  return packed[o]! + f * (packed[o + 1]! + f * (packed[o + 2]! + f * packed[o + 3]!));
}

/** Packs the (values, slopes) tables of λ and κ into `out` (see PACKED), steps 0 .. size − 2. */
function pack(
  lambda: Float64Array,
  lambdaSlope: Float64Array,
  kappa: Float64Array,
  kappaSlope: Float64Array,
  size: number,
  out: Float64Array,
): void {
  for (let i = 0; i + 1 < size; i++) {
    const o = PACKED * i;
    packCubic(lambda, lambdaSlope, i, out, o);
    packCubic(kappa, kappaSlope, i, out, o + 4);
  }
}

function packCubic(values: Float64Array, slopes: Float64Array, i: number, out: Float64Array, o: number): void {
  const y0 = values[i]!;
  const y1 = values[i + 1]!;
  const d0 = slopes[i]!;
  const d1 = slopes[i + 1]!;
  out[o] = y0;
  out[o + 1] = d0;
  out[o + 2] = 3 * (y1 - y0) - 2 * d0 - d1;
  out[o + 3] = 2 * (y0 - y1) + d0 + d1;
}

/** Mills ratio R(x) for x ≥ 0, from the table where it has one. */
function mills(x: number): number {
  if (x >= MILLS_MAX) return millsRatio(x);
  const s = x * MILLS_STEPS;
  return interpolate(millsValue, millsSlope, s | 0, s - (s | 0));
}

/** φ(x)·√(2π) = exp(−x²/2), from the table where it has one. */
function gaussian(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax >= DENSITY_MAX) return Math.exp(-0.5 * x * x);
  const s = ax * DENSITY_STEPS;
  return interpolate(densityValue, densitySlope, s | 0, s - (s | 0));
}

/**
 * Moments of a standard normal truncated to (a, b), a < b, either end possibly infinite, written to
 * out[0] = λ = E[X | a < X < b] = (φ(a) − φ(b)) / Z and out[1] = κ = (a φ(a) − b φ(b)) / Z, so that
 * Var[X | a < X < b] = 1 + κ − λ². With a third slot, out[2] = (a² φ(a) − b² φ(b)) / Z (so that
 * E[X³ | a < X < b] = 2λ + out[2]). Both ends in one tail are handled by factoring out the nearer end's
 * density, which keeps the ratios accurate to ~1e-7 however far out the interval lies.
 */
export function truncatedMoments(a: number, b: number, out: Float64Array): void {
  if (a >= 0) {
    tailMoments(a, b, out);
  } else if (b <= 0) {
    // Mirror: X ↦ −X maps (a, b) to (−b, −a); λ and the third moment change sign, κ does not.
    tailMoments(-b, -a, out);
    out[0] = -out[0]!;
    if (out.length > 2) out[2] = -out[2]!;
  } else {
    // a < 0 < b: the interval holds the mode, so Z is not small and direct differences are safe.
    const densityA = a === -Infinity ? 0 : gaussian(a) * INVERSE_SQRT_2PI;
    const densityB = b === Infinity ? 0 : gaussian(b) * INVERSE_SQRT_2PI;
    const lowerTail = a === -Infinity ? 0 : densityA * mills(-a);
    const upperTail = b === Infinity ? 0 : densityB * mills(b);
    const probability = 1 - lowerTail - upperTail;
    const termA = a === -Infinity ? 0 : a * densityA;
    const termB = b === Infinity ? 0 : b * densityB;
    out[0] = (densityA - densityB) / probability;
    out[1] = (termA - termB) / probability;
    if (out.length > 2) out[2] = ((termA === 0 ? 0 : a * termA) - (termB === 0 ? 0 : b * termB)) / probability;
  }
}

/** 0 ≤ a < b ≤ ∞: Z = φ(a) [R(a) − r R(b)] with r = φ(b) / φ(a) and R the Mills ratio. */
function tailMoments(a: number, b: number, out: Float64Array): void {
  const ratio = b === Infinity ? 0 : Math.exp(-0.5 * (b - a) * (b + a));
  const denominator = mills(a) - (ratio === 0 ? 0 : ratio * mills(b));
  out[0] = (1 - ratio) / denominator;
  out[1] = (a - (ratio === 0 ? 0 : b * ratio)) / denominator;
  if (out.length > 2) out[2] = (a * a - (ratio === 0 ? 0 : b * b * ratio)) / denominator;
}

// The fit needs the moments of every rating's interval three times per iteration, and within one
// iteration the noise σ, so every two-sided interval's width in standard units (1 / σ), is fixed. So they
// come from a table in the interval's lower end a, built once per σ from truncatedMoments with exact
// derivatives (shifting the interval by δ: dλ/dδ = λ² − κ, dκ/dδ = (1 + κ) λ − out[2]), and read by
// cubic Hermite interpolation: within 1e-7 of truncatedMoments (their own accuracy; ~1e-9 away from the
// points where an interval end crosses 0 and the direct formulas switch branches). One-sided intervals
// (ratings 1 and 4) come from a second table, of (a, ∞) in a, which does not depend on σ (built once,
// the same way; (−∞, b) is its mirror image). Lower ends outside the tables use truncatedMoments directly.
export const TABLE_STEPS = 64;
const TABLE_REACH = 12;
const OPEN_SIZE = 2 * TABLE_REACH * TABLE_STEPS + 2;

/** Where the one-sided table starts, in standard units: (a + OPEN_REACH) · TABLE_STEPS is its position. */
export const OPEN_REACH = TABLE_REACH;
/** The one-sided table's last position. */
export const OPEN_LAST = OPEN_SIZE - 2;
let openPacked: Float64Array | null = null;

/** The table of the one-sided intervals (a, ∞), a from −TABLE_REACH, packed (see PACKED), built on first use. */
function buildOpenTable(): Float64Array {
  const lambda = new Float64Array(OPEN_SIZE);
  const lambdaSlope = new Float64Array(OPEN_SIZE);
  const kappa = new Float64Array(OPEN_SIZE);
  const kappaSlope = new Float64Array(OPEN_SIZE);
  const m = new Float64Array(3);
  for (let i = 0; i < OPEN_SIZE; i++) {
    truncatedMoments(-TABLE_REACH + i / TABLE_STEPS, Infinity, m);
    lambda[i] = m[0]!;
    kappa[i] = m[1]!;
    lambdaSlope[i] = (m[0]! * m[0]! - m[1]!) / TABLE_STEPS;
    kappaSlope[i] = ((1 + m[1]!) * m[0]! - m[2]!) / TABLE_STEPS;
  }
  const packed = new Float64Array(PACKED * OPEN_SIZE);
  pack(lambda, lambdaSlope, kappa, kappaSlope, OPEN_SIZE, packed);
  openPacked = packed;
  return packed;
}

/**
 * Moments of the rating intervals [low, high] (high − low = 1 when both are finite) of a latent N(η, σ²).
 * The hot loops pass an interval through `query` (low, high, η) and read the moments with read or
 * readKappa: typed-array slots, so no number is boxed on the way in or out.
 */
export class IntervalMoments {
  /** low, high, η of the interval to read (see read). */
  readonly query = new Float64Array(3);
  private sigma = Number.NaN;
  private width = Number.NaN;
  private readonly scratch = new Float64Array(3);
  // The tables, public for hot loops that read them inline (copied to locals once per call), exactly as read
  // and readKappa do: while `tabulated`, a two-sided interval's moments at s = (a − start) · TABLE_STEPS,
  // 0 ≤ s < last, are cubic(packed, PACKED · i, f) (λ) and cubic(packed, PACKED · i + 4, f) (κ), i = ⌊s⌋,
  // f = s − i; a one-sided interval's likewise from openPacked at s = (a + OPEN_REACH) · TABLE_STEPS,
  // 0 ≤ s < OPEN_LAST, with a = (low − η) / σ for (low, ∞) and its mirror image a = (η − high) / σ, λ's sign
  // flipped, for (−∞, high).
  tabulated = false;
  start = 0;
  last = 0;
  packed = new Float64Array(0);
  openPacked: Float64Array = new Float64Array(0);
  private lambda = new Float64Array(0);
  private lambdaSlope = new Float64Array(0);
  private kappa = new Float64Array(0);
  private kappaSlope = new Float64Array(0);

  /**
   * Prepares for noise SD σ. With a table the moments cost one interpolation instead of up to four table
   * reads and an exponential; building it costs about (1 / σ + 2 · TABLE_REACH) · TABLE_STEPS evaluations,
   * so it is built only when `evaluations` (how many the caller is about to ask for) are several times that.
   */
  prepare(sigma: number, evaluations: number): void {
    const width = 1 / sigma;
    const size = Math.ceil((width + 2 * TABLE_REACH) * TABLE_STEPS) + 2;
    if (evaluations < 4 * size) {
      this.sigma = sigma;
      this.width = Number.NaN;
      this.tabulated = false;
      return;
    }
    this.openPacked = openPacked ?? buildOpenTable();
    this.tabulated = true;
    if (sigma === this.sigma && width === this.width) return;
    this.sigma = sigma;
    this.width = width;
    this.start = -width - TABLE_REACH;
    this.last = size - 2;
    if (this.lambda.length < size) {
      this.lambda = new Float64Array(size);
      this.lambdaSlope = new Float64Array(size);
      this.kappa = new Float64Array(size);
      this.kappaSlope = new Float64Array(size);
      this.packed = new Float64Array(PACKED * size);
    }
    const m = this.scratch;
    for (let i = 0; i < size; i++) {
      const a = this.start + i / TABLE_STEPS;
      truncatedMoments(a, a + width, m);
      const lambda = m[0]!;
      const kappa = m[1]!;
      this.lambda[i] = lambda;
      this.kappa[i] = kappa;
      this.lambdaSlope[i] = (lambda * lambda - kappa) / TABLE_STEPS;
      this.kappaSlope[i] = ((1 + kappa) * lambda - m[2]!) / TABLE_STEPS;
    }
    pack(this.lambda, this.lambdaSlope, this.kappa, this.kappaSlope, size, this.packed);
  }

  /** The noise SD of the last prepare. */
  sigmaOf(): number {
    return this.sigma;
  }

  /** out[0] = λ, out[1] = κ (see truncatedMoments) of the interval [low, high] of N(η, σ²) in standard units. */
  evaluate(low: number, high: number, eta: number, out: Float64Array): void {
    this.query[0] = low;
    this.query[1] = high;
    this.query[2] = eta;
    this.read(out);
  }

  /** evaluate for the interval in `query`. */
  read(out: Float64Array): void {
    const q = this.query;
    const low = q[0]!;
    const high = q[1]!;
    const eta = q[2]!;
    const sigma = this.sigma;
    const a = (low - eta) / sigma;
    if (this.width === this.width) {
      if (high - low === 1) {
        const s = (a - this.start) * TABLE_STEPS;
        if (s >= 0 && s < this.last) {
          const i = s | 0;
          const f = s - i;
          out[0] = cubic(this.packed, PACKED * i, f);
          out[1] = cubic(this.packed, PACKED * i + 4, f);
          return;
        }
      } else if (this.readOpen(low, high, eta, out)) {
        return;
      }
    }
    truncatedMoments(a, (high - eta) / sigma, out);
  }

  /**
   * κ alone into out[1], for the interval in `query` (the same number as read's): the noise update reads nothing
   * else. Written out beside read rather than sharing a body with a flag: merged, bench:calibration's workspace
   * case measured 5% slower (206 vs 217–220 ms medians, quiet), this being the innermost loop of the fit.
   */
  readKappa(out: Float64Array): void {
    const q = this.query;
    const low = q[0]!;
    const high = q[1]!;
    const eta = q[2]!;
    const sigma = this.sigma;
    const a = (low - eta) / sigma;
    if (this.width === this.width) {
      if (high - low === 1) {
        const s = (a - this.start) * TABLE_STEPS;
        if (s >= 0 && s < this.last) {
          const i = s | 0;
          out[1] = cubic(this.packed, PACKED * i + 4, s - i);
          return;
        }
      } else if (this.readOpen(low, high, eta, out)) {
        return;
      }
    }
    truncatedMoments(a, (high - eta) / sigma, out);
  }

  /** One-sided intervals from the (a, ∞) table; false outside it. */
  private readOpen(low: number, high: number, eta: number, out: Float64Array): boolean {
    const packed = openPacked;
    if (packed === null) return false;
    const upper = high === Infinity;
    if (!upper && low !== -Infinity) return false;
    // (−∞, b) is the mirror image of (−b, ∞): λ changes sign, κ does not.
    const a = upper ? (low - eta) / this.sigma : (eta - high) / this.sigma;
    const s = (a + TABLE_REACH) * TABLE_STEPS;
    if (!(s >= 0 && s < OPEN_SIZE - 2)) return false;
    const i = s | 0;
    const f = s - i;
    const value = cubic(packed, PACKED * i, f);
    out[0] = upper ? value : -value;
    out[1] = cubic(packed, PACKED * i + 4, f);
    return true;
  }
}
