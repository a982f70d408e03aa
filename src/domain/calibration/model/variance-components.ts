// The variance components (spreads of candidates, cells, halo, severities, gains, keys and noise),
// re-estimated between Newton steps from the posterior variances, and extrapolated to converge sooner.

import * as latent from "./latent";
import { SchurSystem } from "./schur-system";
import * as state from "./state";

// Module-local copies of imported bindings used in hot loops (see local-system.ts).
const { cubic, OPEN_LAST, OPEN_REACH, PACKED, TABLE_STEPS } = latent;
const { CANDIDATE_PRIOR_SCALE, MAX_SD, MIN_SD, VARIANCES } = state;

/** Longest jump of the variance extrapolation, in multiples of the last change. */
const MAX_EXTRAPOLATION = 10;
/**
 * How closely the noise's last two convergence ratios must agree for it to be extrapolated alone (see
 * extrapolateNoise). 0.3: on the bench cohort 8 → 7 iterations; over 20 seeds of every simulated design
 * 1,341 → 1,345 (0.2 and 0.5 changed nothing, or cost more: 1,341 / 8 and 1,365 / 7 over 5 seeds × 4 …).
 */
const NOISE_RATIO_AGREEMENT = 0.3;

export abstract class VarianceComponents extends SchurSystem {
  /** The last Newton step's Σ w E[(latent − η)²] over every rating (see localSums). */
  protected noiseSum = 0;

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
      dInverse,
      rGainOf,
      rCell,
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
    const query = intervals.query;
    // Per cell: m_g = T⁻¹ b_g and c_g = b_gᵀ T⁻¹ b_g, so that each rating's local Var(η) is O(1):
    // x = gain (e_a + e_g) + e_q gives Var = g²/D_g + g² c_g/D_g² − 2 (g/D_g)(g m_g[a] + m_g[q]) + x_Eᵀ T⁻¹ x_E.
    if (this.cellProjection.length < cells * e) this.cellProjection = new Float64Array(2 * cells * e);
    const projection = this.cellProjection;
    if (this.cellQuadratic.length < cells) this.cellQuadratic = new Float64Array(cells);
    const quadraticOf = this.cellQuadratic;
    // Two cells at a time, so each entry of T⁻¹ is read once per two.
    let g = 0;
    for (; g + 2 <= cells; g += 2) {
      const row0 = b0 + g * e;
      const row1 = row0 + e;
      let c0 = 0;
      let c1 = 0;
      for (let m = 0; m < e; m++) {
        const o = t0 + m * e;
        let value0 = 0;
        let value1 = 0;
        for (let k = 0; k < e; k++) {
          const t = Ti[o + k]!;
          value0 += t * B[row0 + k]!;
          value1 += t * B[row1 + k]!;
        }
        projection[g * e + m] = value0;
        projection[g * e + e + m] = value1;
        c0 += B[row0 + m]! * value0;
        c1 += B[row1 + m]! * value1;
      }
      quadraticOf[g] = c0;
      quadraticOf[g + 1] = c1;
    }
    for (; g < cells; g++) {
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
    const tabulated = intervals.tabulated;
    const { start, last, packed: tP, openPacked: oP } = intervals;
    const sigma = intervals.sigmaOf();
    // Table steps per rating point, and where the tables start (see lineariseAndFactor).
    const scale = TABLE_STEPS / sigma;
    const twoSidedOffset = start * TABLE_STEPS;
    const openOffset = OPEN_REACH * TABLE_STEPS;
    let sum = 0;
    // Card by card (a card's ratings share the interviewer, so its gain and the card's entries of T⁻¹).
    for (let card = card0, lastCard = this.cardStart[fc + 1]!; card < lastCard; card++) {
      const first = this.cardRatingStart[card]!;
      const end = this.cardRatingStart[card + 1]!;
      if (first === end) continue;
      const gain = rGainOf[first]!;
      const q = 1 + card - card0;
      const tiAA = gain * gain * Ti[t0]!;
      const tiAQ = 2 * gain * Ti[t0 + q]!;
      const tiQQ = Ti[t0 + q * e + q]!;
      const severity = severityVariance[rPos[first]!]!;
      for (let i = first; i < end; i++) {
        const g = rCell[i]! - cell0;
        const factor = gain * dInverse[cell0 + g]!;
        let variance =
          gain * factor +
          factor * factor * quadraticOf[g]! -
          2 * factor * (gain * projection[g * e]! + projection[g * e + q]!) +
          tiAA +
          tiAQ +
          tiQQ;
        // Interviewer part: the severity's own posterior variance (see prepareNoise).
        variance += severity;
        // Three-point Gauss–Hermite: nodes η̂ and η̂ ± √(3V), weights 2/3 and 1/6. The tables are read
        // inline (as intervals.readKappa would, number for number); what they do not cover goes through it.
        const eta = rEta[i]!;
        const step = Math.sqrt(3 * Math.max(0, variance));
        let expected = (2 / 3) * (1 + rKappa[i]!);
        const low = rLow[i]!;
        const high = rHigh[i]!;
        const below = eta - step;
        const above = eta + step;
        let kappaBelow = Number.NaN;
        let kappaAbove = Number.NaN;
        if (tabulated) {
          if (high - low === 1) {
            const sb = (low - below) * scale - twoSidedOffset;
            if (sb >= 0 && sb < last) kappaBelow = cubic(tP, PACKED * (sb | 0) + 4, sb - (sb | 0));
            const sa = (low - above) * scale - twoSidedOffset;
            if (sa >= 0 && sa < last) kappaAbove = cubic(tP, PACKED * (sa | 0) + 4, sa - (sa | 0));
          } else if (high === Infinity) {
            const sb = (low - below) * scale + openOffset;
            if (sb >= 0 && sb < OPEN_LAST) kappaBelow = cubic(oP, PACKED * (sb | 0) + 4, sb - (sb | 0));
            const sa = (low - above) * scale + openOffset;
            if (sa >= 0 && sa < OPEN_LAST) kappaAbove = cubic(oP, PACKED * (sa | 0) + 4, sa - (sa | 0));
          } else if (low === -Infinity) {
            const sb = (below - high) * scale + openOffset;
            if (sb >= 0 && sb < OPEN_LAST) kappaBelow = cubic(oP, PACKED * (sb | 0) + 4, sb - (sb | 0));
            const sa = (above - high) * scale + openOffset;
            if (sa >= 0 && sa < OPEN_LAST) kappaAbove = cubic(oP, PACKED * (sa | 0) + 4, sa - (sa | 0));
          }
        }
        if (kappaBelow !== kappaBelow) {
          query[0] = low;
          query[1] = high;
          query[2] = below;
          intervals.readKappa(moments);
          kappaBelow = moments[1]!;
        }
        expected += (1 + kappaBelow) / 6;
        if (kappaAbove !== kappaAbove) {
          query[0] = low;
          query[1] = high;
          query[2] = above;
          intervals.readKappa(moments);
          kappaAbove = moments[1]!;
        }
        expected += (1 + kappaAbove) / 6;
        sum += rWeight[i]! * sigma2 * expected;
      }
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

    // Σ w E[(latent − η)²] over every rating, from the step's gradient pass (see localSums).
    const noiseSum = this.noiseSum;
    const weightSum = this.weightTotal;
    const { modes, pevs } = this;
    // The candidate level's prior variance is CANDIDATE_PRIOR_SCALE · τ_a², and its fixed point
    // Σ (â − μ)² + Σ PEV = n τ_a², so in terms of that prior variance the count is n / CANDIDATE_PRIOR_SCALE.
    for (let fc = 0; fc < this.candidates; fc++) modes[fc] = this.a[fc]! - this.mu;
    this.varA =
      solveVariance(
        modes.subarray(0, this.candidates),
        this.pevA,
        null,
        CANDIDATE_PRIOR_SCALE * this.varA,
        this.candidates / CANDIDATE_PRIOR_SCALE,
        CANDIDATE_PRIOR_SCALE * MIN_SD ** 2,
        CANDIDATE_PRIOR_SCALE * MAX_SD.candidate ** 2,
      ) / CANDIDATE_PRIOR_SCALE;
    this.varD = solveVariance(this.d, this.pevD, null, this.varD, this.d.length, MIN_SD ** 2, MAX_SD.cell ** 2);
    if (this.activeCards > 0) {
      this.varU = solveVariance(
        this.u,
        this.pevU,
        this.cardPrecisionFixed,
        this.varU,
        this.activeCards,
        MIN_SD ** 2,
        MAX_SD.halo ** 2,
      );
    }

    // Global posterior variances from the inverse of the 2×2 / 1×1 diagonal blocks of S (inside iterations).
    const D = this.schurDiag;
    const gains = this.settings.gains;
    for (let p = 0; p < P; p++) {
      const ss = D[3 * p]!;
      const sg = gains ? D[3 * p + 1]! : 0;
      const gg = gains ? D[3 * p + 2]! : 1;
      const det = ss * gg - sg * sg;
      modes[p] = this.x[p]!;
      pevs[p] = gg / det;
      modes[P + p] = this.x[P + p]!;
      pevs[P + p] = ss / det;
    }
    for (let k = 0; k < this.keys; k++) {
      modes[2 * P + k] = this.x[2 * P + k]!;
      pevs[2 * P + k] = 1 / D[3 * P + k]!;
    }
    // Severities and gains sum to 0 over the panel: P − 1 free effects each.
    this.varS = solveVariance(
      modes.subarray(0, P),
      pevs.subarray(0, P),
      null,
      this.varS,
      P - 1,
      MIN_SD ** 2,
      MAX_SD.severity ** 2,
    );
    if (gains) {
      this.varG = solveVariance(
        modes.subarray(P, 2 * P),
        pevs.subarray(P, 2 * P),
        null,
        this.varG,
        P - 1,
        MIN_SD ** 2,
        MAX_SD.gain ** 2,
      );
    }
    this.varB = solveVariance(
      modes.subarray(2 * P, 2 * P + this.keys),
      pevs.subarray(2 * P, 2 * P + this.keys),
      null,
      this.varB,
      this.keys,
      MIN_SD ** 2,
      MAX_SD.key ** 2,
    );
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
   * Before the Newton step's gradient pass, which also runs localSums for every candidate: each interviewer's
   * severity variance from its 2 × 2 block of S (severity entry of the inverse), once.
   */
  protected prepareNoise(): void {
    const D = this.schurDiag;
    for (let p = 0; p < this.panelSize; p++) {
      this.severityVariance[p] = this.settings.gains
        ? D[3 * p + 2]! / (D[3 * p]! * D[3 * p + 2]! - D[3 * p + 1]! ** 2)
        : 1 / D[3 * p]!;
    }
  }

  /**
   * Candidate fc's posterior variances (its level and cards from T⁻¹, its cells from D⁻¹ + D⁻¹ B T⁻¹ Bᵀ D⁻¹) into
   * pevA, pevU and pevD, and its ratings' expected squared residuals, returned. It reads only the linearisation
   * of the step (the moments, T⁻¹, D, B at the values before it), so it runs in the Newton step's gradient pass
   * (fit.ts), while the candidate's ratings are in cache, rather than in a pass of its own: the same numbers, to
   * the bit, summed in the same order (newtonStep keeps the sum in noiseSum for updateVariances). On one thread
   * this costs what the separate pass did (the work is the same); a split fit meets the other thread 7 times
   * fewer per fit.
   */
  protected localSums(fc: number): number {
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const t0 = this.factorStart[fc]!;
    const Ti = this.tInverse;
    this.pevA[fc] = Ti[t0]!;
    for (let q = 1; q < e; q++) this.pevU[card0 + q - 1] = Ti[t0 + q * e + q]!;
    // expectedSquaredResiduals leaves b_gᵀ T⁻¹ b_g of each of the candidate's cells in cellQuadratic.
    const sum = this.expectedSquaredResiduals(fc);
    for (let g = 0; g < cells; g++) {
      const dg = this.dDiag[cell0 + g]!;
      this.pevD[cell0 + g] = 1 / dg + this.cellQuadratic[g]! / (dg * dg);
    }
    return sum;
  }

  /**
   * The noise's EM update is the slowest to converge on large cohorts (a coarse 1–4 rating leaves much of the
   * latent residual unobserved), and the other estimates follow it. Between the extrapolations of all the
   * variances, the noise alone jumps to the limit of its geometric series (as extrapolateVariances does) when
   * its last two convergence ratios agree within NOISE_RATIO_AGREEMENT, i.e. when it has settled into
   * geometric convergence. Call after each update (the history is reset by any extrapolation).
   */
  protected extrapolateNoise(): void {
    const h = this.noiseHistory;
    h.push(this.noise);
    const n = h.length;
    if (n < 4) return;
    const last = h[n - 1]! - h[n - 2]!;
    const previous = h[n - 2]! - h[n - 3]!;
    const ratio = last / previous;
    const ratioBefore = previous / (h[n - 3]! - h[n - 4]!);
    if (!(ratio > 0 && ratio < 0.9) || !(Math.abs(ratio - ratioBefore) < NOISE_RATIO_AGREEMENT)) return;
    this.noise = h[n - 1]! + (last * ratio) / (1 - ratio);
    this.clampVariances();
    h.length = 0;
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
    this.noiseHistory.length = 0;
  }
}

/**
 * The variance V of a set of random effects with modes b̂_i and posterior variances PEV_i at the current V:
 * the EM/Schall fixed-point equation Σ (b̂² + PEV) = n V, solved exactly for V with every effect's own
 * data held fixed (its data precision h = 1/PEV − 1/V and score z = b̂/PEV, so that at V' b̂ = z/(h + 1/V')
 * and PEV = 1/(h + 1/V')). R(V) = Σ [z² V / (1 + hV)² + 1 / (1 + hV)] − n equals (Σ b̂² + Σ PEV)/V − n at
 * the current V, so the solution is a fixed point of the update exactly when the current V is.
 */
function solveVariance(
  modes: Float64Array,
  pevs: Float64Array,
  skip: Uint8Array | null,
  current: number,
  count: number,
  lower: number,
  upper: number,
): number {
  if (count <= 0) return current;
  const n = modes.length;
  if (scratch.length < 2 * n) scratch = new Float64Array(2 * n);
  // h_i and z_i² interleaved; skipped effects (held fixed) get h = z = 0 and count nowhere.
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    if (skip !== null && skip[i] === 1) {
      scratch[2 * i] = 0;
      scratch[2 * i + 1] = 0;
      skipped++;
      continue;
    }
    const pev = pevs[i]!;
    const z = modes[i]! / pev;
    scratch[2 * i] = Math.max(0, 1 / pev - 1 / current);
    scratch[2 * i + 1] = z * z;
  }
  const target = count + skipped;
  let lo = Math.log(lower);
  let hi = Math.log(upper);
  if (residual(lower, n, target).value <= 0) return lower;
  if (residual(upper, n, target).value >= 0) return upper;
  let y = Math.min(hi, Math.max(lo, Math.log(current)));
  for (let step = 0; step < 100; step++) {
    const { value, slope } = residual(Math.exp(y), n, target);
    if (value > 0) lo = y;
    else hi = y;
    let next = slope < 0 ? y - value / slope : Number.NaN;
    const newton = next > lo && next < hi;
    if (!newton) next = 0.5 * (lo + hi);
    const change = Math.abs(next - y);
    y = next;
    // Newton converges quadratically: after a step of δ, the new y is within about δ² of the root, so a Newton
    // step under 1e-6 leaves it within ~1e-12 without another pass over the effects (a bisection step, only
    // as close as its size).
    if (change < (newton ? 1e-6 : 1e-12) || hi - lo < 1e-12) break;
  }
  return Math.exp(y);
}

let scratch = new Float64Array(0);

/** R(V) = Σ [z² V / (1 + hV)² + 1 / (1 + hV)] − target and its slope in log V (see solveVariance). */
function residual(V: number, n: number, target: number): { value: number; slope: number } {
  let value = 0;
  let slope = 0;
  for (let i = 0; i < n; i++) {
    const hV = scratch[2 * i]! * V;
    const z2V = scratch[2 * i + 1]! * V;
    const f = 1 / (1 + hV);
    const f2 = f * f;
    value += f * (z2V * f + 1);
    slope += z2V * (1 - hV) * f2 * f - hV * f2;
  }
  return { value: value - target, slope };
}
