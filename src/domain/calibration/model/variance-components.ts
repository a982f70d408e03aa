// The variance components (spreads of candidates, cells, halo, severities, gains, keys and noise),
// re-estimated between Newton steps from the posterior variances, and extrapolated to converge sooner.

import { SchurSystem } from "./schur-system";
import { CANDIDATE_PRIOR_SCALE, MIN_SD } from "./state";

type LocalSums = [number, number, number, number, number, number, number, number];
/** The number of variance components (see readVariances). */
const VARIANCES = 7;
/** Longest jump of the variance extrapolation, in multiples of the last change. */
const MAX_EXTRAPOLATION = 10;

export class VarianceComponents extends SchurSystem {
  /**
   * Σ w E[(latent − η)²] over one candidate's ratings, averaging σ² (1 + κ(η)) over the posterior of η,
   * N(η̂, V), by three-point Gauss–Hermite quadrature. Plugging in η̂ alone would ignore the parameters'
   * uncertainty and, with few ratings per parameter, misstate σ (the incidental-parameters problem).
   */
  protected expectedSquaredResiduals(fc: number): number {
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const b0 = this.blockStart[fc]!;
    const t0 = this.factorStart[fc]!;
    const {
      tInverse: Ti,
      bBlock: B,
      dDiag,
      rGainOf,
      rCell,
      rCard,
      rPos,
      rEta,
      rKappa,
      rLow,
      rHigh,
      rWeight,
      severityVariance,
      moments,
      intervals,
    } = this;
    const sigma2 = this.noise;
    intervals.prepare(Math.sqrt(sigma2), 3 * this.ratings);
    // Per cell: m_g = T⁻¹ b_g and c_g = b_gᵀ T⁻¹ b_g, so that each rating's local Var(η) is O(1):
    // x = gain (e_a + e_g) + e_q gives Var = g²/D_g + g² c_g/D_g² − 2 (g/D_g)(g m_g[a] + m_g[q]) + x_Eᵀ T⁻¹ x_E.
    if (this.cellProjection.length < cells * e) this.cellProjection = new Float64Array(2 * cells * e);
    const projection = this.cellProjection;
    if (this.cellQuadratic.length < cells) this.cellQuadratic = new Float64Array(cells);
    const quadraticOf = this.cellQuadratic;
    for (let g = 0; g < cells; g++) {
      const row = b0 + g * e;
      let c = 0;
      for (let m = 0; m < e; m++) {
        let value = 0;
        for (let k = 0; k < e; k++) value += Ti[t0 + m * e + k]! * B[row + k]!;
        projection[g * e + m] = value;
        c += B[row + m]! * value;
      }
      quadraticOf[g] = c;
    }
    let sum = 0;
    for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
      const gain = rGainOf[i]!;
      const g = rCell[i]! - cell0;
      const q = 1 + rCard[i]! - card0;
      const dg = dDiag[cell0 + g]!;
      const factor = gain / dg;
      let variance =
        gain * factor +
        factor * factor * quadraticOf[g]! -
        2 * factor * (gain * projection[g * e]! + projection[g * e + q]!) +
        gain * gain * Ti[t0]! +
        2 * gain * Ti[t0 + q]! +
        Ti[t0 + q * e + q]!;
      // Interviewer part: the severity's own posterior variance (see localSums).
      variance += severityVariance[rPos[i]!]!;
      // Three-point Gauss–Hermite: nodes η̂ and η̂ ± √(3V), weights 2/3 and 1/6.
      const eta = rEta[i]!;
      const step = Math.sqrt(3 * Math.max(0, variance));
      let expected = (2 / 3) * (1 + rKappa[i]!);
      intervals.evaluate(rLow[i]!, rHigh[i]!, eta - step, moments);
      expected += (1 + moments[1]!) / 6;
      intervals.evaluate(rLow[i]!, rHigh[i]!, eta + step, moments);
      expected += (1 + moments[1]!) / 6;
      sum += rWeight[i]! * sigma2 * expected;
    }
    return sum;
  }

  /**
   * Re-estimates the variance components from the current modes and their posterior variances; returns the
   * largest relative change of a standard deviation.
   */
  protected updateVariances(): number {
    const P = this.panelSize;
    const before = this.readVariances(new Float64Array(VARIANCES));
    // μ: the mean candidate level, with a N(2.5, 1) prior on the latent scale, negligible for a real cohort
    // but keeping a cohort of nothing but 4s (or 1s) from drifting off the scale.
    let sumA = 0;
    for (let fc = 0; fc < this.candidates; fc++) sumA += this.a[fc]!;
    this.mu = sumA / (this.candidates + CANDIDATE_PRIOR_SCALE * this.varA);

    const [sqA, pevA, sqD, pevD, sqU, pevU, noiseSum, weightSum] = this.localSums();
    this.varA = Math.max(MIN_SD * MIN_SD, (sqA + pevA) / this.candidates);
    this.varD = schall(sqD, pevD, this.varD, this.d.length);
    if (this.activeCards > 0) this.varU = schall(sqU, pevU, this.varU, this.activeCards);

    // Global posterior variances from the inverse of the 2×2 / 1×1 diagonal blocks of S (inside iterations).
    let sqS = 0;
    let pevS = 0;
    let sqG = 0;
    let pevG = 0;
    const D = this.schurDiag;
    for (let p = 0; p < P; p++) {
      const ss = D[3 * p]!;
      const sg = this.settings.gains ? D[3 * p + 1]! : 0;
      const gg = this.settings.gains ? D[3 * p + 2]! : 1;
      const det = ss * gg - sg * sg;
      sqS += this.x[p]! ** 2;
      pevS += gg / det;
      sqG += this.x[P + p]! ** 2;
      pevG += ss / det;
    }
    let sqB = 0;
    let pevB = 0;
    for (let k = 0; k < this.keys; k++) {
      sqB += this.x[2 * P + k]! ** 2;
      pevB += 1 / D[3 * P + k]!;
    }
    this.varS = schall(sqS, pevS, this.varS, P - 1);
    if (this.settings.gains) this.varG = schall(sqG, pevG, this.varG, P - 1);
    this.varB = schall(sqB, pevB, this.varB, this.keys);
    // EM for the noise: the mean expected squared distance of each latent score from its true prediction.
    this.noise = noiseSum / weightSum;
    this.clampVariances();

    const after = this.readVariances(new Float64Array(VARIANCES));
    let change = 0;
    for (let k = 0; k < VARIANCES; k++) {
      change = Math.max(change, Math.abs(Math.sqrt(after[k]!) - Math.sqrt(before[k]!)));
      after[k] = Math.log(after[k]!);
    }
    this.history.push(after);
    if (this.history.length > 3) this.history.shift();
    return change;
  }

  /**
   * Sums over the candidates' own effects of squared modes and posterior variances (a and cards from T⁻¹,
   * cells from D⁻¹ + D⁻¹ B T⁻¹ Bᵀ D⁻¹), the expected squared residuals and the weights: [Σ â², PEV a,
   * Σ d̂², PEV d, Σ û², PEV u, residuals, weights]. A method of its own, so the long loop is compiled alone.
   */
  private localSums(): LocalSums {
    // Each interviewer's severity variance from its 2 × 2 block of S (severity entry of the inverse), once.
    const D = this.schurDiag;
    for (let p = 0; p < this.panelSize; p++) {
      this.severityVariance[p] = this.settings.gains
        ? D[3 * p + 2]! / (D[3 * p]! * D[3 * p + 2]! - D[3 * p + 1]! ** 2)
        : 1 / D[3 * p]!;
    }
    let sqA = 0;
    let pevA = 0;
    let sqD = 0;
    let pevD = 0;
    let sqU = 0;
    let pevU = 0;
    let noiseSum = 0;
    let weightSum = 0;
    for (let fc = 0; fc < this.candidates; fc++) {
      const cell0 = this.cellStart[fc]!;
      const cells = this.cellStart[fc + 1]! - cell0;
      const card0 = this.cardStart[fc]!;
      const e = 1 + this.cardStart[fc + 1]! - card0;
      const t0 = this.factorStart[fc]!;
      const Ti = this.tInverse;
      sqA += (this.a[fc]! - this.mu) ** 2;
      pevA += Ti[t0]!;
      for (let q = 1; q < e; q++) {
        if (this.cardPrecisionFixed[card0 + q - 1] === 1) continue;
        sqU += this.u[card0 + q - 1]! ** 2;
        pevU += Ti[t0 + q * e + q]!;
      }
      // expectedSquaredResiduals leaves b_gᵀ T⁻¹ b_g of each of the candidate's cells in cellQuadratic.
      noiseSum += this.expectedSquaredResiduals(fc);
      for (let g = 0; g < cells; g++) {
        const dg = this.dDiag[cell0 + g]!;
        sqD += this.d[cell0 + g]! ** 2;
        pevD += 1 / dg + this.cellQuadratic[g]! / (dg * dg);
      }
    }
    for (let i = 0; i < this.ratings; i++) weightSum += this.rWeight[i]!;
    return [sqA, pevA, sqD, pevD, sqU, pevU, noiseSum, weightSum];
  }

  /** The variance components in a fixed order: a, d, u, s, g, β, noise. */
  private readVariances(out: Float64Array): Float64Array {
    out[0] = this.varA;
    out[1] = this.varD;
    out[2] = this.varU;
    out[3] = this.varS;
    out[4] = this.varG;
    out[5] = this.varB;
    out[6] = this.noise;
    return out;
  }

  /**
   * The variance updates converge linearly, slowly where the data say little (a component near 0). Every
   * third iteration, each log-variance whose last two changes shrink geometrically (ratio r) jumps to the
   * limit of that geometric series, x + Δ r / (1 − r) (Aitken's Δ² method), at most MAX_EXTRAPOLATION Δ.
   */
  protected extrapolateVariances(): void {
    if (this.history.length < 3) return;
    const [first, second, third] = this.history as [Float64Array, Float64Array, Float64Array];
    const next = new Float64Array(VARIANCES);
    const floor = 2 * Math.log(MIN_SD);
    for (let k = 0; k < VARIANCES; k++) {
      const value = third[k]!;
      const previous = second[k]! - first[k]!;
      const last = value - second[k]!;
      const ratio = last / previous;
      const extrapolated =
        !(ratio > 0 && ratio < 1) || Math.abs(last) < 1e-9
          ? value
          : value + last * Math.min(ratio / (1 - ratio), MAX_EXTRAPOLATION);
      next[k] = Math.exp(Math.max(floor, extrapolated));
    }
    this.varA = next[0]!;
    this.varD = next[1]!;
    if (this.activeCards > 0) this.varU = next[2]!;
    this.varS = next[3]!;
    if (this.settings.gains) this.varG = next[4]!;
    this.varB = next[5]!;
    this.noise = next[6]!;
    this.clampVariances();
    this.history.length = 0;
  }
}

/** MacKay/Schall update τ² = Σ b̂² / (n − Σ PEV / τ²), falling back to EM when the denominator is too small. */
function schall(squares: number, pev: number, current: number, count: number): number {
  if (count <= 0) return current;
  const denominator = count - pev / current;
  const next = denominator > 0.1 * count ? squares / denominator : (squares + pev) / count;
  return Math.max(MIN_SD * MIN_SD, next);
}
