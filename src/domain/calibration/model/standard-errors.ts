// Standard errors from the posterior precision at the optimum: the interviewer-and-key covariance (exact
// when small, block + Neumann approximation when large) and each candidate's score covariance.

import { choleskyInPlace, dot, dotAt, invertFromCholesky } from "./numerics";
import { MIDDLE } from "./state";
import { VarianceComponents } from "./variance-components";

/** Above this many interviewer and key parameters the posterior covariance is estimated, not inverted. */
const DENSE_COVARIANCE_LIMIT = 400;

export class StandardErrors extends VarianceComponents {
  /** Posterior covariance of the interviewer and key parameters: dense when small, estimated when large. */
  protected estimateCovariance(): void {
    if (this.globals <= DENSE_COVARIANCE_LIMIT) {
      this.covariance = this.denseCovariance();
      for (let k = 0; k < this.globals; k++) this.covarianceDiag[k] = this.covariance[k * this.globals + k]!;
    } else {
      this.approximateDiagonal();
    }
  }

  /** S assembled explicitly, then its inverse restricted to the constraint subspace. */
  protected denseCovariance(): Float64Array {
    const n = this.globals;
    const P = this.panelSize;
    const S = new Float64Array(n * n);
    for (let k = 0; k < n; k++) S[k * n + k] = this.prior(k);
    for (let i = 0; i < this.ratings; i++) {
      const W = this.rW[i]!;
      const idx = [this.rPos[i]!, P + this.rPos[i]!, 2 * P + this.rKey[i]!];
      const coef = [1, this.rT[i]!, this.rGainOf[i]!];
      for (let m = 0; m < 3; m++) for (let l = 0; l < 3; l++) S[idx[m]! * n + idx[l]!]! += W * coef[m]! * coef[l]!;
    }
    for (let fc = 0; fc < this.candidates; fc++) {
      const count = this.candidateColumns(fc);
      const length = this.columnLength;
      for (let l = 0; l < count; l++) {
        const row = this.slotGlobal[l]! * n;
        for (let m = 0; m < count; m++) {
          S[row + this.slotGlobal[m]!]! -= dotAt(this.columnVector, this.columnSolved, l * length, m * length, length);
        }
      }
      for (let m = 0; m < count; m++) this.slotOf[this.slotGlobal[m]!] = -1;
    }
    // Constrained inverse: with K = S⁻¹ and constraint directions B (mean severity, mean gain),
    // C = K − K B (Bᵀ K B)⁻¹ Bᵀ K.
    choleskyInPlace(S, 0, n);
    const K = new Float64Array(n * n);
    invertFromCholesky(S, K, 0, n);
    const directions: Float64Array[] = [];
    const ones = new Float64Array(n);
    for (let p = 0; p < P; p++) ones[p] = 1;
    directions.push(ones);
    const gainOnes = new Float64Array(n);
    for (let p = 0; p < P; p++) gainOnes[P + p] = 1;
    directions.push(gainOnes);
    const KB = directions.map((b) => {
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += K[r * n + c]! * b[c]!;
        out[r] = s;
      }
      return out;
    });
    const m00 = dot(directions[0]!, KB[0]!);
    const m01 = dot(directions[0]!, KB[1]!);
    const m11 = dot(directions[1]!, KB[1]!);
    const det = m00 * m11 - m01 * m01;
    const i00 = m11 / det;
    const i01 = -m01 / det;
    const i11 = m00 / det;
    const kb0 = KB[0]!;
    const kb1 = KB[1]!;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        K[r * n + c]! -= kb0[r]! * (i00 * kb0[c]! + i01 * kb1[c]!) + kb1[r]! * (i01 * kb0[c]! + i11 * kb1[c]!);
      }
    }
    if (!this.settings.gains) {
      for (let r = 0; r < n; r++) {
        for (let p = 0; p < P; p++) {
          K[r * n + P + p] = 0;
          K[(P + p) * n + r] = 0;
        }
      }
    }
    return K;
  }

  /**
   * diag(C) for large panels without inverting S: the exact 2 × 2 block inverse (what each interviewer's
   * own ratings say, other interviewers' severities held fixed) plus the second term of the Neumann series
   * S⁻¹ = B + B O B + …, B the block inverse and O the coupling through shared candidates: the uncertainty
   * an interviewer inherits from the severities of the co-raters they are compared with. Gains get the same
   * relative widening as severities; keys keep their block inverse.
   */
  protected approximateDiagonal(): void {
    const P = this.panelSize;
    const D = this.schurDiag;
    const own = new Float64Array(2 * P);
    for (let p = 0; p < P; p++) {
      const ss = D[3 * p]!;
      const sg = this.settings.gains ? D[3 * p + 1]! : 0;
      const gg = this.settings.gains ? D[3 * p + 2]! : 1;
      const det = ss * gg - sg * sg;
      own[p] = gg / det;
      own[P + p] = this.settings.gains ? ss / det : 0;
    }
    // Severity–severity couplings S_jk, accumulated over the candidates j and k both rated.
    const coupling = new Map<number, number>();
    for (let fc = 0; fc < this.candidates; fc++) {
      const count = this.candidateColumns(fc, false);
      const length = this.columnLength;
      for (let l = 0; l < count; l++) {
        const j = this.slotGlobal[l]!;
        if (j >= P) continue;
        for (let m = l + 1; m < count; m++) {
          const k = this.slotGlobal[m]!;
          if (k >= P) continue;
          const pair = j < k ? j * P + k : k * P + j;
          coupling.set(
            pair,
            (coupling.get(pair) ?? 0) - dotAt(this.columnVector, this.columnSolved, l * length, m * length, length),
          );
        }
      }
      for (let m = 0; m < count; m++) this.slotOf[this.slotGlobal[m]!] = -1;
    }
    const inherited = new Float64Array(P);
    for (const [pair, value] of coupling) {
      const j = Math.floor(pair / P);
      const k = pair - j * P;
      inherited[j]! += value * value * own[k]!;
      inherited[k]! += value * value * own[j]!;
    }
    for (let p = 0; p < P; p++) {
      const widening = 1 + own[p]! * inherited[p]!;
      this.covarianceDiag[p] = own[p]! * widening;
      this.covarianceDiag[P + p] = own[P + p]! * widening;
    }
    for (let k = 0; k < this.keys; k++) this.covarianceDiag[2 * P + k] = 1 / D[3 * P + k]!;
  }

  /** Value 2.5 + Σ ω_g t_g and its posterior SD: ω the normalised weights of the candidate's cells. */
  protected scoreCells(
    candidate: number,
    cells: Int32Array,
    weights: Float64Array,
  ): { value: number; standardError: number } {
    const fc = this.fitCandidate[candidate]!;
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const covariance = this.candidateCovariance(fc);
    let total = 0;
    for (let m = 0; m < weights.length; m++) total += weights[m]!;
    const omega = this.omega.length === nCells ? this.omega.fill(0) : (this.omega = new Float64Array(nCells));
    for (let m = 0; m < cells.length; m++) omega[this.cellOfData[cells[m]!]! - cell0]! += weights[m]! / total;
    let value = MIDDLE + this.a[fc]!;
    let variance = 0;
    for (let g = 0; g < nCells; g++) {
      const og = omega[g]!;
      if (og === 0) continue;
      value += og * (this.x[2 * this.panelSize + this.cellKey[cell0 + g]!]! + this.d[cell0 + g]!);
      for (let h = 0; h < nCells; h++) variance += og * omega[h]! * covariance[g * nCells + h]!;
    }
    return { value, standardError: Math.sqrt(Math.max(0, variance)) };
  }

  /**
   * Posterior covariance of the candidate's cell scores t_g (cells × cells), so every score of the
   * candidate (overall, groups, keys) is a quadratic form. Cell g's contrast is f_g = e_a + e_g locally and
   * e_β(k_g) globally; its variance is the local part f_gᵀ H_c⁻¹ f_h plus q_gᵀ C q_h, with
   * q_g = e_β(k_g) − A_GL H_c⁻¹ f_g the part that runs through interviewers and signal difficulties.
   * Cached for one candidate, because the report asks for a candidate's scores one after another.
   */
  protected candidateCovariance(fc: number): Float64Array {
    if (fc === this.cachedCandidate) return this.cachedCovariance;
    const P = this.panelSize;
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const length = 1 + nCells + this.cardStart[fc + 1]! - card0;
    const solved = new Float64Array(nCells * length);
    const contrasts = new Float64Array(nCells * length);
    for (let g = 0; g < nCells; g++) {
      contrasts[g * length] = 1;
      contrasts[g * length + 1 + g] = 1;
      this.solveLocalDense(fc, contrasts, solved, g * length);
    }
    // Globals the candidate touches, numbered locally.
    const slotOfGlobal = new Map<number, number>();
    const globalsList: number[] = [];
    const slot = (global: number): number => {
      let m = slotOfGlobal.get(global);
      if (m === undefined) {
        m = globalsList.length;
        slotOfGlobal.set(global, m);
        globalsList.push(global);
      }
      return m;
    };
    for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
      slot(this.rPos[i]!);
      slot(P + this.rPos[i]!);
      slot(2 * P + this.rKey[i]!);
    }
    const touched = globalsList.length;
    const q = new Float64Array(touched * nCells); // q[m · cells + g]
    for (let g = 0; g < nCells; g++) q[slot(2 * P + this.cellKey[cell0 + g]!) * nCells + g]! += 1;
    for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
      const gain = this.rGainOf[i]!;
      const W = this.rW[i]!;
      const cellIndex = 1 + this.rCell[i]! - cell0;
      const cardIndex = 1 + nCells + this.rCard[i]! - card0;
      const sSlot = slot(this.rPos[i]!) * nCells;
      const gSlot = slot(P + this.rPos[i]!) * nCells;
      const kSlot = slot(2 * P + this.rKey[i]!) * nCells;
      const t = this.rT[i]!;
      for (let g = 0; g < nCells; g++) {
        const o = g * length;
        const f = W * (gain * (solved[o]! + solved[o + cellIndex]!) + solved[o + cardIndex]!);
        q[sSlot + g]! -= f;
        q[gSlot + g]! -= t * f;
        q[kSlot + g]! -= gain * f;
      }
    }
    const out = new Float64Array(nCells * nCells);
    for (let g = 0; g < nCells; g++) {
      for (let h = 0; h < nCells; h++) out[g * nCells + h] = solved[h * length]! + solved[h * length + 1 + g]!;
    }
    // C q (touched × cells), then qᵀ C q.
    const n = this.globals;
    const Cq = new Float64Array(touched * nCells);
    for (let m = 0; m < touched; m++) {
      const gm = globalsList[m]!;
      if (this.covariance) {
        for (let l = 0; l < touched; l++) {
          const c = this.covariance[gm * n + globalsList[l]!]!;
          if (c === 0) continue;
          for (let g = 0; g < nCells; g++) Cq[m * nCells + g]! += c * q[l * nCells + g]!;
        }
      } else {
        // Large panels: the diagonal only; interviewers sharing a candidate are negatively correlated, so
        // this errs on the wide side.
        const c = this.covarianceDiag[gm]!;
        for (let g = 0; g < nCells; g++) Cq[m * nCells + g] = c * q[m * nCells + g]!;
      }
    }
    for (let m = 0; m < touched; m++) {
      for (let g = 0; g < nCells; g++) {
        const qg = q[m * nCells + g]!;
        if (qg === 0) continue;
        for (let h = 0; h < nCells; h++) out[g * nCells + h]! += qg * Cq[m * nCells + h]!;
      }
    }
    this.cachedCandidate = fc;
    this.cachedCovariance = out;
    return out;
  }
}
