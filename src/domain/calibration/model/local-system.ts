// The per-candidate part of the fit: each candidate's own parameters (level, cell deviations, scorecard
// effects) form a small dense block, linearised and factorised here, so the rest of the fit can eliminate
// them and work on the interviewer-and-key system alone.

import { choleskyInPlace, choleskySolve, invertFromCholesky } from "./numerics";
import { StartingValues } from "./starting-values";
import { CANDIDATE_PRIOR_SCALE, MIDDLE } from "./state";

export class LocalSystem extends StartingValues {
  /** Latent predictions, Newton weights and gradients of the censored log-likelihood at the current values. */
  protected linearise(): void {
    const P = this.panelSize;
    const sigma = Math.sqrt(this.noise);
    const {
      x,
      a,
      d,
      u,
      rPos,
      rKey,
      rCell,
      rCard,
      rLow,
      rHigh,
      rWeight,
      rT,
      rEta,
      rGainOf,
      rGrad,
      rW,
      rKappa,
      ratingStart,
    } = this;
    const { moments, intervals } = this;
    intervals.prepare(sigma, 3 * this.ratings);
    for (let fc = 0; fc < this.candidates; fc++) {
      const level = a[fc]!;
      for (let i = ratingStart[fc]!, end = ratingStart[fc + 1]!; i < end; i++) {
        const p = rPos[i]!;
        const t = level + x[2 * P + rKey[i]!]! + d[rCell[i]!]!;
        const gain = 1 + x[P + p]!;
        const eta = MIDDLE + gain * t + x[p]! + u[rCard[i]!]!;
        intervals.evaluate(rLow[i]!, rHigh[i]!, eta, moments);
        const lambda = moments[0]!;
        const kappa = moments[1]!;
        const w = rWeight[i]!;
        rT[i] = t;
        rEta[i] = eta;
        rGainOf[i] = gain;
        rGrad[i] = (w * lambda) / sigma;
        rW[i] = Math.max((w * (lambda * lambda - kappa)) / this.noise, 1e-12);
        rKappa[i] = kappa;
      }
    }
  }

  /** Per candidate: D (cells), B (cells × [a, cards]), and the Cholesky factor of T = E − Bᵀ D⁻¹ B. */
  protected factorLocal(): void {
    const bBlock = this.bBlock;
    bBlock.fill(0);
    for (let fc = 0; fc < this.candidates; fc++) {
      const cell0 = this.cellStart[fc]!;
      const cells = this.cellStart[fc + 1]! - cell0;
      const card0 = this.cardStart[fc]!;
      const e = 1 + this.cardStart[fc + 1]! - card0;
      const b0 = this.blockStart[fc]!;
      const t0 = this.factorStart[fc]!;
      const T = this.tFactor;
      for (let k = 0; k < e * e; k++) T[t0 + k] = 0;
      for (let g = 0; g < cells; g++) this.dDiag[cell0 + g] = 1 / this.varD;
      T[t0] = 1 / (CANDIDATE_PRIOR_SCALE * this.varA);
      for (let q = 1; q < e; q++) T[t0 + q * e + q] = this.cardPrior(card0 + q - 1);
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        const W = this.rW[i]!;
        const gain = this.rGainOf[i]!;
        const g = this.rCell[i]! - cell0;
        const q = 1 + this.rCard[i]! - card0;
        const wg = W * gain;
        const wgg = wg * gain;
        this.dDiag[cell0 + g]! += wgg;
        T[t0] += wgg;
        T[t0 + q]! += wg;
        T[t0 + q * e]! += wg;
        T[t0 + q * e + q]! += W;
        bBlock[b0 + g * e]! += wgg;
        bBlock[b0 + g * e + q]! += wg;
      }
      // T −= Bᵀ D⁻¹ B.
      for (let g = 0; g < cells; g++) {
        const inv = 1 / this.dDiag[cell0 + g]!;
        const row = b0 + g * e;
        for (let m = 0; m < e; m++) {
          const bm = bBlock[row + m]!;
          if (bm === 0) continue;
          const scaled = bm * inv;
          for (let n = 0; n < e; n++) T[t0 + m * e + n]! -= scaled * bBlock[row + n]!;
        }
      }
      choleskyInPlace(T, t0, e);
      invertFromCholesky(T, this.tInverse, t0, e, this.localInverseColumn);
    }
  }

  /**
   * Solves the candidate's local system H_c y = rhs, with rhs and y laid out as (a, cells, cards) in the
   * global local arrays (la per candidate, ld per cell, lu per card).
   */
  protected solveLocal(
    fc: number,
    ra: Float64Array,
    rd: Float64Array,
    ru: Float64Array,
    ya: Float64Array,
    yd: Float64Array,
    yu: Float64Array,
  ): void {
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const b0 = this.blockStart[fc]!;
    const t0 = this.factorStart[fc]!;
    const B = this.bBlock;
    const dDiag = this.dDiag;
    const z = this.localVector;
    z[0] = ra[fc]!;
    for (let q = 1; q < e; q++) z[q] = ru[card0 + q - 1]!;
    for (let g = 0; g < cells; g++) {
      const scaled = rd[cell0 + g]! / dDiag[cell0 + g]!;
      if (scaled === 0) continue;
      const row = b0 + g * e;
      for (let m = 0; m < e; m++) z[m]! -= B[row + m]! * scaled;
    }
    choleskySolve(this.tFactor, t0, e, z);
    ya[fc] = z[0]!;
    for (let q = 1; q < e; q++) yu[card0 + q - 1] = z[q]!;
    for (let g = 0; g < cells; g++) {
      const row = b0 + g * e;
      let dot = 0;
      for (let m = 0; m < e; m++) dot += B[row + m]! * z[m]!;
      yd[cell0 + g] = (rd[cell0 + g]! - dot) / dDiag[cell0 + g]!;
    }
  }

  protected ensureScratch(): void {
    if (this.la.length === this.candidates && this.ld.length === this.d.length) return;
    this.la = new Float64Array(this.candidates);
    this.ld = new Float64Array(this.d.length);
    this.lu = new Float64Array(this.u.length);
    this.ya = new Float64Array(this.candidates);
    this.yd = new Float64Array(this.d.length);
    this.yu = new Float64Array(this.u.length);
  }
}
