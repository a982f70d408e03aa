// Standard errors from the posterior precision at the optimum: the interviewer-and-key covariance (exact
// when small, block + Neumann approximation when large) and each candidate's score covariance.

import * as numerics from "./numerics";
import * as state from "./state";
import { PASS_SCORES } from "./state";
import { VarianceComponents } from "./variance-components";

// Module-local copies of imported bindings used in hot loops (see local-system.ts).
const { choleskyInPlace, dot, invertFromCholesky } = numerics;
const { DENSE_COVARIANCE_LIMIT, MIDDLE } = state;

export abstract class StandardErrors extends VarianceComponents {
  /**
   * Posterior covariance of the interviewer and key parameters: dense when small, estimated when large
   * (which reads only the interviewer blocks of S, so only those are assembled).
   */
  protected estimateCovariance(): void {
    const dense = this.globals <= DENSE_COVARIANCE_LIMIT;
    // Every candidate's score factors (scoreU, scoreQ, sized in state.ts) are filled by afterElimination as S
    // is assembled.
    this.assembleSchur(dense ? "all" : "interviewers");
    if (dense) {
      this.covariance = this.denseCovariance();
      if (this.covarianceStore.length > 0) {
        this.covarianceStore.set(this.covariance);
        this.covariance = this.covarianceStore;
      }
      for (let k = 0; k < this.globals; k++) this.covarianceDiag[k] = this.covariance[k * this.globals + k]!;
    } else {
      this.approximateDiagonal();
    }
    // Every candidate's calibrated scores: a split fit's in pieces on both threads.
    if (this.chunkStart.length > 0) this.pass(PASS_SCORES, null, null);
    else this.scoreRange(0, this.candidates);
  }

  /**
   * Candidates lo .. hi − 1's calibrated scores (see candidateScores): the overall score, each group's and
   * each cell's, into candidateScore, groupScore and cellScore.
   */
  protected scoreRange(lo: number, hi: number): void {
    for (let fc = lo; fc < hi; fc++) {
      this.prepareScores(fc);
      this.candidateScores(fc);
    }
  }

  /** S assembled explicitly, then its inverse restricted to the constraint subspace. */
  protected denseCovariance(): Float64Array {
    const n = this.globals;
    const P = this.panelSize;
    const keys = this.keys;
    const S = new Float64Array(n * n);
    const { rowStart, neighbor, blocks, interviewerKey, keyKey } = this.schur;
    for (let p = 0; p < P; p++) {
      for (let b = rowStart[p]!; b < rowStart[p + 1]!; b++) {
        const q = neighbor[b]!;
        S[p * n + q] = blocks[4 * b]!;
        S[p * n + P + q] = blocks[4 * b + 1]!;
        S[(P + p) * n + q] = blocks[4 * b + 2]!;
        S[(P + p) * n + P + q] = blocks[4 * b + 3]!;
      }
      for (let k = 0; k < keys; k++) {
        const severityKey = interviewerKey[p * keys + k]!;
        const gainKey = interviewerKey[P * keys + p * keys + k]!;
        S[p * n + 2 * P + k] = severityKey;
        S[(2 * P + k) * n + p] = severityKey;
        S[(P + p) * n + 2 * P + k] = gainKey;
        S[(2 * P + k) * n + P + p] = gainKey;
      }
    }
    for (let k = 0; k < keys; k++) {
      for (let l = 0; l < keys; l++) S[(2 * P + k) * n + 2 * P + l] = keyKey[k * keys + l]!;
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
    // What each interviewer inherits through the severity–severity couplings S_jk (j ≠ k) of co-raters.
    const { rowStart, neighbor, blocks } = this.schur;
    const inherited = new Float64Array(P);
    for (let j = 0; j < P; j++) {
      let sum = 0;
      for (let b = rowStart[j]!; b < rowStart[j + 1]!; b++) {
        const k = neighbor[b]!;
        if (k === j) continue;
        const value = blocks[4 * b]!;
        sum += value * value * own[k]!;
      }
      inherited[j] = sum;
    }
    for (let p = 0; p < P; p++) {
      const widening = 1 + own[p]! * inherited[p]!;
      this.covarianceDiag[p] = own[p]! * widening;
      this.covarianceDiag[P + p] = own[P + p]! * widening;
    }
    for (let k = 0; k < this.keys; k++) this.covarianceDiag[2 * P + k] = 1 / D[3 * P + k]!;
  }

  /**
   * Candidate fc's calibrated scores, from its ratings' weights: the overall score (weights summed per cell
   * over all its ratings) into candidateScore, each of its groups' (over the ratings of the group, in the
   * order of groupSlotGroup) into groupScore, and each cell's into cellScore; value, then standard error.
   * Call after prepareScores(fc).
   */
  protected candidateScores(fc: number): void {
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const slot0 = this.groupSlotStart[fc]!;
    const groups = this.groupSlotStart[fc + 1]! - slot0;
    // Row 0: the overall weights per cell; row 1 + k: the weights of the candidate's k-th group.
    const size = (1 + groups) * cells;
    if (this.scoreWeights.length < size) this.scoreWeights = new Float64Array(2 * size);
    const weights = this.scoreWeights;
    weights.fill(0, 0, size);
    const { rCell, rWeight, rGroup, groupSlotGroup } = this;
    for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
      const g = rCell[i]! - cell0;
      const w = rWeight[i]!;
      weights[g]! += w;
      const group = rGroup[i]!;
      if (group < 0) continue;
      let k = 0;
      while (groupSlotGroup[slot0 + k] !== group) k++;
      weights[(1 + k) * cells + g]! += w;
    }
    const out = this.candidateScore;
    this.scoreWeighted(fc, weights, 0, out, 2 * fc);
    for (let k = 0; k < groups; k++) this.scoreWeighted(fc, weights, (1 + k) * cells, this.groupScore, 2 * (slot0 + k));
    // The cells' global parts four at a time with a dense C (each entry of C read once per four cells).
    const q0 = this.scoreQOffset;
    const c = this.scoreColumns;
    if (this.cellGlobal.length < cells) this.cellGlobal = new Float64Array(2 * cells);
    const parts = this.cellGlobal;
    let g = 0;
    if (this.globals <= DENSE_COVARIANCE_LIMIT) for (; g + 4 <= cells; g += 4) this.globalParts4(q0 + g * c, parts, g);
    for (; g < cells; g++) parts[g] = this.globalPart(this.scoreQ, q0 + g * c);
    for (let h = 0; h < cells; h++) this.scoreOneCell(fc, h, parts[h]!, this.cellScore, 2 * (cell0 + h));
  }

  /**
   * Value 2.5 + Σ ω_g t_g and its posterior SD, ω the candidate's cell weights (weights[from + g] for its cell
   * g, 0 leaves a cell out) normalised, into out[at] and out[at + 1]. With the candidate's factors (see
   * prepareScores), Var = Σ ω_g² / D_g + |Σ ω_g u_g|² + sᵀ C s, s = Σ ω_g q_g: a pass over the weighted
   * cells' rows and one quadratic form, not the whole cell covariance.
   */
  private scoreWeighted(fc: number, weights: Float64Array, from: number, out: Float64Array, at: number): void {
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const e = this.scoreLocalSize;
    const c = this.scoreColumns;
    let total = 0;
    for (let g = 0; g < nCells; g++) total += weights[from + g]!;
    const { scoreU: U, scoreQ: Q, dDiag } = this;
    if (this.scoreSums.length < e + c) this.scoreSums = new Float64Array(e + c);
    const sums = this.scoreSums;
    const u0 = this.scoreUOffset;
    const q0 = this.scoreQOffset;
    let value = MIDDLE + this.a[fc]!;
    let variance = 0;
    // sums: Σ ω u (e), then s = Σ ω q (c). Only the weighted cells take part.
    sums.fill(0, 0, e + c);
    for (let g = 0; g < nCells; g++) {
      const w = weights[from + g]!;
      if (w === 0) continue;
      const og = w / total;
      value += og * (this.x[2 * this.panelSize + this.cellKey[cell0 + g]!]! + this.d[cell0 + g]!);
      variance += (og * og) / dDiag[cell0 + g]!;
      for (let r = 0; r < e; r++) sums[r]! += og * U[u0 + g * e + r]!;
      const row = q0 + g * c;
      for (let b = 0; b < c; b++) sums[e + b]! += og * Q[row + b]!;
    }
    for (let r = 0; r < e; r++) variance += sums[r]! * sums[r]!;
    variance += this.globalPart(sums, e);
    out[at] = value;
    out[at + 1] = Math.sqrt(Math.max(0, variance));
  }

  /**
   * scoreWeighted for the candidate's one cell g of weight 1, a key's score: the same sums, number for number,
   * without the weights.
   */
  private scoreOneCell(fc: number, g: number, globalPart: number, out: Float64Array, at: number): void {
    const cell0 = this.cellStart[fc]!;
    const e = this.scoreLocalSize;
    const { scoreU: U, dDiag } = this;
    const u = this.scoreUOffset + g * e;
    const value = MIDDLE + this.a[fc]! + (this.x[2 * this.panelSize + this.cellKey[cell0 + g]!]! + this.d[cell0 + g]!);
    let variance = 1 / dDiag[cell0 + g]!;
    for (let r = 0; r < e; r++) variance += U[u + r]! * U[u + r]!;
    variance += globalPart;
    out[at] = value;
    out[at + 1] = Math.sqrt(Math.max(0, variance));
  }

  /**
   * vᵀ C v for the candidate's globals' part of a contrast, v = values[o .. o + columns) (prepareScores): Σ_b C_bb v_b²
   * with a diagonal C; with a dense one, over the upper triangle of the candidate's block of C (each pair of
   * columns once, about half the work of forming C v).
   */
  private globalPart(values: Float64Array, o: number): number {
    const c = this.scoreColumns;
    const C = this.scoreCovariance;
    let total = 0;
    if (this.globals > DENSE_COVARIANCE_LIMIT) {
      for (let b = 0; b < c; b++) total += C[b]! * values[o + b]! * values[o + b]!;
      return total;
    }
    for (let a = 0; a < c; a++) {
      const va = values[o + a]!;
      if (va === 0) continue;
      const row = a * c;
      let cross = 0;
      for (let b = a + 1; b < c; b++) cross += C[row + b]! * values[o + b]!;
      total += va * (C[row + a]! * va + 2 * cross);
    }
    return total;
  }

  /**
   * globalPart of four consecutive cells' q rows (from scoreQ[o], rows `columns` apart) with a dense C, into
   * out[at .. at + 4): the same sums as globalPart's, four at a time.
   */
  private globalParts4(o: number, out: Float64Array, at: number): void {
    const c = this.scoreColumns;
    const C = this.scoreCovariance;
    const Q = this.scoreQ;
    const o1 = o + c;
    const o2 = o1 + c;
    const o3 = o2 + c;
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (let a = 0; a < c; a++) {
      const row = a * c;
      let x0 = 0;
      let x1 = 0;
      let x2 = 0;
      let x3 = 0;
      for (let b = a + 1; b < c; b++) {
        const value = C[row + b]!;
        x0 += value * Q[o + b]!;
        x1 += value * Q[o1 + b]!;
        x2 += value * Q[o2 + b]!;
        x3 += value * Q[o3 + b]!;
      }
      const diagonal = C[row + a]!;
      const v0 = Q[o + a]!;
      const v1 = Q[o1 + a]!;
      const v2 = Q[o2 + a]!;
      const v3 = Q[o3 + a]!;
      t0 += v0 * (diagonal * v0 + 2 * x0);
      t1 += v1 * (diagonal * v1 + 2 * x1);
      t2 += v2 * (diagonal * v2 + 2 * x2);
      t3 += v3 * (diagonal * v3 + 2 * x3);
    }
    out[at] = t0;
    out[at + 1] = t1;
    out[at + 2] = t2;
    out[at + 3] = t3;
  }

  /** Calibrated value and standard error of data candidate `candidate`'s overall score, into out[0], out[1]. */
  protected overallScoreOf(candidate: number, out: Float64Array): void {
    const fc = this.fitCandidate[candidate]!;
    out[0] = this.candidateScore[2 * fc]!;
    out[1] = this.candidateScore[2 * fc + 1]!;
  }

  /** The same for group `group` (NaN when the candidate has no rating in it). */
  protected groupScoreOf(candidate: number, group: number, out: Float64Array): void {
    const fc = this.fitCandidate[candidate]!;
    out[0] = Number.NaN;
    out[1] = Number.NaN;
    for (let slot = this.groupSlotStart[fc]!; slot < this.groupSlotStart[fc + 1]!; slot++) {
      if (this.groupSlotGroup[slot] !== group) continue;
      out[0] = this.groupScore[2 * slot]!;
      out[1] = this.groupScore[2 * slot + 1]!;
    }
  }

  /** The same for data cell `cell` of the candidate (a key's score). */
  protected cellScoreOf(cell: number, out: Float64Array): void {
    const g = this.cellOfData[cell]!;
    out[0] = this.cellScore[2 * g]!;
    out[1] = this.cellScore[2 * g + 1]!;
  }

  /**
   * The factors of the candidate's cell-score covariance, so every score of the candidate (overall, groups,
   * keys) is a short sum. Cell g's contrast is f_g = e_a + e_g locally and e_β(k_g) globally; its covariance
   * with cell h is the local part f_gᵀ H_c⁻¹ f_h plus q_gᵀ C q_h, with q_g = e_β(k_g) − A_GL H_c⁻¹ f_g the
   * part that runs through interviewers and signal difficulties. With the elimination of schur-system.ts
   * (N = D⁻¹ B, w_g = N_g − e_a, u_g = L⁻¹ w_g, V = L⁻¹ Y): f_gᵀ H_c⁻¹ f_h = δ_gh / D_g + u_g · u_h and
   * q_g = e_β(k_g) − X_g / D_g + u_gᵀ V. Keeps u_g (scoreU) and q_g (scoreQ) from the elimination; here, C
   * restricted to the candidate's globals into scoreCovariance, in its columns' order (its diagonal only on
   * large panels, where interviewers sharing a candidate are negatively correlated, so that errs on the wide
   * side; else the upper triangle of the block). For one candidate at a time (scoreRange: its scores follow
   * at once).
   */
  protected prepareScores(fc: number): void {
    const P = this.panelSize;
    const n = this.globals;
    const slot0 = this.slotStart[fc]!;
    const slots = this.slotStart[fc + 1]! - slot0;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const c = 2 * slots + cells;
    this.scoreLocalSize = 1 + this.cardStart[fc + 1]! - this.cardStart[fc]!;
    this.scoreColumns = c;
    this.scoreUOffset = this.scoreUStart[fc]!;
    this.scoreQOffset = this.scoreQStart[fc]!;
    // Each column's global parameter. Dense or diagonal from the layout, not from `covariance`: the second
    // thread's copy has no reference to it.
    if (this.scoreGlobal.length < c) this.scoreGlobal = new Int32Array(2 * c);
    const global = this.scoreGlobal;
    for (let col = 0; col < c; col++) {
      global[col] =
        col < 2 * slots
          ? (col & 1 ? P : 0) + this.slotPos[slot0 + (col >> 1)]!
          : 2 * P + this.cellKey[cell0 + col - 2 * slots]!;
    }
    const diagonal = n > DENSE_COVARIANCE_LIMIT;
    const size = diagonal ? c : c * c;
    if (this.scoreCovariance.length < size) this.scoreCovariance = new Float64Array(2 * size);
    const C = this.scoreCovariance;
    if (diagonal) {
      for (let col = 0; col < c; col++) C[col] = this.covarianceDiag[global[col]!]!;
      return;
    }
    // A split fit's dense covariance is read from shared memory (the second thread has no other reference).
    const full = this.covarianceStore.length > 0 ? this.covarianceStore : this.covariance;
    if (full === null) throw new Error("prepareScores needs the dense covariance.");
    for (let a = 0; a < c; a++) {
      const row = global[a]! * n;
      for (let b = a; b < c; b++) C[a * c + b] = full[row + global[b]!]!;
    }
  }

  /**
   * Keeps candidate fc's u_g and q_g (see prepareScores) from its elimination (elimX, elimY = L⁻¹ Y), while
   * S is assembled, so the scores need not eliminate the candidate again.
   */
  protected override afterElimination(fc: number, c: number): void {
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const e = 1 + this.cardStart[fc + 1]! - this.cardStart[fc]!;
    const b0 = this.blockStart[fc]!;
    const t0 = this.factorStart[fc]!;
    const m = this.slotStart[fc + 1]! - this.slotStart[fc]!;
    const { elimX: X, elimY: V, tFactor: L, bBlock: B, dDiag, scoreU: U, scoreQ: Q } = this;
    const u0 = this.scoreUStart[fc]!;
    const q0 = this.scoreQStart[fc]!;
    for (let g = 0; g < nCells; g++) {
      const inverse = 1 / dDiag[cell0 + g]!;
      const u = u0 + g * e;
      for (let r = 0; r < e; r++) U[u + r] = B[b0 + g * e + r]! * inverse;
      U[u]! -= 1;
      for (let r = 0; r < e; r++) {
        let sum = U[u + r]!;
        for (let k = 0; k < r; k++) sum -= L[t0 + r * e + k]! * U[u + k]!;
        U[u + r] = sum / L[t0 + r * e + r]!;
      }
      const x = g * c;
      const q = q0 + x;
      for (let col = 0; col < c; col++) Q[q + col] = -X[x + col]! * inverse;
      Q[q + 2 * m + g]! += 1;
      // Q_g += u_gᵀ V, four rows of V at a time: each entry of Q_g read and written once per four rows.
      let r = 0;
      for (; r + 4 <= e; r += 4) {
        const u0 = U[u + r]!;
        const u1 = U[u + r + 1]!;
        const u2 = U[u + r + 2]!;
        const u3 = U[u + r + 3]!;
        const o0 = r * c;
        const o1 = o0 + c;
        const o2 = o1 + c;
        const o3 = o2 + c;
        for (let col = 0; col < c; col++)
          Q[q + col]! += u0 * V[o0 + col]! + u1 * V[o1 + col]! + u2 * V[o2 + col]! + u3 * V[o3 + col]!;
      }
      for (; r < e; r++) {
        const ur = U[u + r]!;
        const o = r * c;
        for (let col = 0; col < c; col++) Q[q + col]! += ur * V[o + col]!;
      }
    }
  }
}
