// The per-candidate part of the fit: each candidate's own parameters (level, cell deviations, scorecard
// effects) form a small dense block, linearised and factorised here, so the rest of the fit can eliminate
// them and work on the interviewer-and-key system alone.

import * as latent from "./latent";
import * as numerics from "./numerics";
import { StartingValues } from "./starting-values";
import * as state from "./state";

// Module-local copies of imported numbers and functions that hot loops use: run through tsx (the bench, the
// calibration worker) the modules are CommonJS, where every use of an imported binding is a getter call,
// paid per rating wherever the compiler does not inline it (most of the fit's loops are too large for that).
const { cubic, OPEN_LAST, OPEN_REACH, PACKED, TABLE_STEPS } = latent;
const { choleskyInPlace, invertFromCholesky } = numerics;
const { CANDIDATE_PRIOR_SCALE, MIDDLE } = state;

export abstract class LocalSystem extends StartingValues {
  /**
   * One candidate's linearisation and factorisation, in one pass over its ratings: latent predictions,
   * Newton weights and gradients of the censored log-likelihood at the current values; its D (cells), B
   * (cells × [a, cards]) and the Cholesky factor of T = E − Bᵀ D⁻¹ B (and T⁻¹); and its ratings' share of
   * the interviewers' 2 × 2 blocks of A_GG in SD (schurDiag's layout). The caller prepares `intervals` for σ.
   */
  protected lineariseAndFactor(fc: number, sigma: number, SD: Float64Array): void {
    const P = this.panelSize;
    const noise = this.noise;
    const {
      x,
      a,
      d,
      u,
      rPos,
      rKey,
      rCell,
      rLow,
      rHigh,
      rWeight,
      rT,
      rEta,
      rGainOf,
      rGrad,
      rW,
      rKappa,
      moments,
      intervals,
      dDiag,
      bBlock: B,
      tFactor: T,
      cellT,
    } = this;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const b0 = this.blockStart[fc]!;
    const t0 = this.factorStart[fc]!;
    B.fill(0, b0, b0 + cells * e);
    T.fill(0, t0, t0 + e * e);
    dDiag.fill(1 / this.varD, cell0, cell0 + cells);
    T[t0] = 1 / (CANDIDATE_PRIOR_SCALE * this.varA);
    for (let q = 1; q < e; q++) T[t0 + q * e + q] = this.cardPrior(card0 + q - 1);
    const query = intervals.query;
    // The moment tables are read inline (as intervals.read would, number for number); what they do not
    // cover goes through intervals.read.
    const tabulated = intervals.tabulated;
    const { start, last, packed: tP, openPacked: oP } = intervals;
    // In table steps per rating point, and where the tables start: multiplications in the loop, not divisions
    // (the same numbers as the direct formulas to within a rounding).
    const scale = TABLE_STEPS / sigma;
    const twoSidedOffset = start * TABLE_STEPS;
    const openOffset = OPEN_REACH * TABLE_STEPS;
    const inverseSigma = 1 / sigma;
    const inverseNoise = 1 / noise;
    const level = a[fc]!;
    let tAA = T[t0];
    const cardRatingStart = this.cardRatingStart;
    // Card by card: a card's ratings share its interviewer (severity, gain) and its effect, and their sums
    // into the card's entries of T and the interviewer's block of A_GG are added once per card.
    for (let card = card0, lastCard = this.cardStart[fc + 1]!; card < lastCard; card++) {
      const first = cardRatingStart[card]!;
      const end = cardRatingStart[card + 1]!;
      if (first === end) continue;
      const p = rPos[first]!;
      const gain = 1 + x[P + p]!;
      const severity = x[p]!;
      const effect = u[card]!;
      const q = 1 + card - card0;
      let sumW = 0;
      let sumWG = 0;
      let sumWT = 0;
      let sumWTT = 0;
      for (let i = first; i < end; i++) {
        const cell = rCell[i]!;
        const t = level + x[2 * P + rKey[i]!]! + d[cell]!;
        const eta = MIDDLE + gain * t + severity + effect;
        const low = rLow[i]!;
        const high = rHigh[i]!;
        // NaN until read from a table.
        let lambda = Number.NaN;
        let kappa = Number.NaN;
        if (tabulated) {
          if (high - low === 1) {
            const s = (low - eta) * scale - twoSidedOffset;
            if (s >= 0 && s < last) {
              const k = s | 0;
              const f = s - k;
              lambda = cubic(tP, PACKED * k, f);
              kappa = cubic(tP, PACKED * k + 4, f);
            }
          } else if (high === Infinity || low === -Infinity) {
            const upper = high === Infinity;
            const s = (upper ? low - eta : eta - high) * scale + openOffset;
            if (s >= 0 && s < OPEN_LAST) {
              const k = s | 0;
              const f = s - k;
              const value = cubic(oP, PACKED * k, f);
              lambda = upper ? value : -value;
              kappa = cubic(oP, PACKED * k + 4, f);
            }
          }
        }
        if (lambda !== lambda) {
          query[0] = low;
          query[1] = high;
          query[2] = eta;
          intervals.read(moments);
          lambda = moments[0]!;
          kappa = moments[1]!;
        }
        const w = rWeight[i]!;
        const W = Math.max(w * (lambda * lambda - kappa) * inverseNoise, 1e-12);
        rT[i] = t;
        rEta[i] = eta;
        rGainOf[i] = gain;
        rGrad[i] = w * lambda * inverseSigma;
        rW[i] = W;
        rKappa[i] = kappa;
        // The local blocks: D, B and T's a row; the card's entries below.
        const g = cell - cell0;
        cellT[g] = t;
        const wg = W * gain;
        const wgg = wg * gain;
        dDiag[cell]! += wgg;
        tAA += wgg;
        B[b0 + g * e]! += wgg;
        B[b0 + g * e + q]! += wg;
        sumW += W;
        sumWG += wg;
        sumWT += W * t;
        sumWTT += W * t * t;
      }
      T[t0 + q * e]! += sumWG;
      T[t0 + q * e + q]! += sumW;
      // A_GG's interviewer blocks.
      SD[3 * p]! += sumW;
      SD[3 * p + 1]! += sumWT;
      SD[3 * p + 2]! += sumWTT;
    }
    T[t0] = tAA;
    // T −= M0 = Bᵀ D⁻¹ B, lower triangle only: the Cholesky factorisation and every solve read nothing else.
    // M0 and M1 = Bᵀ D⁻¹ diag(t) B are kept for diagonalShare (the interviewers' columns of Bᵀ D⁻¹ X).
    const { localM0: M0, localM1: M1 } = this;
    M0.fill(0, 0, e * e);
    M1.fill(0, 0, e * e);
    const dInverse = this.dInverse;
    // Two cells at a time, so each entry of M0 and M1 is read and written once per two.
    let g = 0;
    for (; g + 2 <= cells; g += 2) {
      const inv0 = 1 / dDiag[cell0 + g]!;
      const inv1 = 1 / dDiag[cell0 + g + 1]!;
      dInverse[cell0 + g] = inv0;
      dInverse[cell0 + g + 1] = inv1;
      const t0g = cellT[g]!;
      const t1g = cellT[g + 1]!;
      const row0 = b0 + g * e;
      const row1 = row0 + e;
      for (let m = 0; m < e; m++) {
        const scaled0 = B[row0 + m]! * inv0;
        const scaled1 = B[row1 + m]! * inv1;
        if (scaled0 === 0 && scaled1 === 0) continue;
        const scaledT0 = scaled0 * t0g;
        const scaledT1 = scaled1 * t1g;
        const o = m * e;
        for (let n = 0; n <= m; n++) {
          const bn0 = B[row0 + n]!;
          const bn1 = B[row1 + n]!;
          M0[o + n]! += scaled0 * bn0 + scaled1 * bn1;
          M1[o + n]! += scaledT0 * bn0 + scaledT1 * bn1;
        }
      }
    }
    for (; g < cells; g++) {
      const inv = 1 / dDiag[cell0 + g]!;
      dInverse[cell0 + g] = inv;
      const tg = cellT[g]!;
      const row = b0 + g * e;
      for (let m = 0; m < e; m++) {
        const bm = B[row + m]!;
        if (bm === 0) continue;
        const scaled = bm * inv;
        const scaledT = scaled * tg;
        const o = m * e;
        for (let n = 0; n <= m; n++) {
          const bn = B[row + n]!;
          M0[o + n]! += scaled * bn;
          M1[o + n]! += scaledT * bn;
        }
      }
    }
    for (let m = 0; m < e; m++) for (let n = 0; n <= m; n++) T[t0 + m * e + n]! -= M0[m * e + n]!;
    choleskyInPlace(T, t0, e);
    invertFromCholesky(T, this.tInverse, t0, e);
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
    const { bBlock: B, dInverse, tInverse: Ti } = this;
    const r = this.localVector;
    const z = this.localSolution;
    r[0] = ra[fc]!;
    for (let q = 1; q < e; q++) r[q] = ru[card0 + q - 1]!;
    // r −= Bᵀ D⁻¹ rd, two cells at a time (each entry of r read and written once per two).
    let g = 0;
    for (; g + 2 <= cells; g += 2) {
      const scaled0 = rd[cell0 + g]! * dInverse[cell0 + g]!;
      const scaled1 = rd[cell0 + g + 1]! * dInverse[cell0 + g + 1]!;
      const row0 = b0 + g * e;
      const row1 = row0 + e;
      for (let m = 0; m < e; m++) r[m]! -= B[row0 + m]! * scaled0 + B[row1 + m]! * scaled1;
    }
    for (; g < cells; g++) {
      const scaled = rd[cell0 + g]! * dInverse[cell0 + g]!;
      const row = b0 + g * e;
      for (let m = 0; m < e; m++) r[m]! -= B[row + m]! * scaled;
    }
    // z = T⁻¹ r with the inverse the factorisation keeps anyway: as many multiplications as the two
    // triangular solves, and no divisions.
    for (let m = 0; m < e; m++) {
      const o = t0 + m * e;
      let sum = 0;
      for (let k = 0; k < e; k++) sum += Ti[o + k]! * r[k]!;
      z[m] = sum;
    }
    ya[fc] = z[0]!;
    for (let q = 1; q < e; q++) yu[card0 + q - 1] = z[q]!;
    for (g = 0; g + 2 <= cells; g += 2) {
      const row0 = b0 + g * e;
      const row1 = row0 + e;
      let dot0 = 0;
      let dot1 = 0;
      for (let m = 0; m < e; m++) {
        const zm = z[m]!;
        dot0 += B[row0 + m]! * zm;
        dot1 += B[row1 + m]! * zm;
      }
      yd[cell0 + g] = (rd[cell0 + g]! - dot0) * dInverse[cell0 + g]!;
      yd[cell0 + g + 1] = (rd[cell0 + g + 1]! - dot1) * dInverse[cell0 + g + 1]!;
    }
    for (; g < cells; g++) {
      const row = b0 + g * e;
      let dot = 0;
      for (let m = 0; m < e; m++) dot += B[row + m]! * z[m]!;
      yd[cell0 + g] = (rd[cell0 + g]! - dot) * dInverse[cell0 + g]!;
    }
  }
}
