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
    for (let g = 0; g < cells; g++) this.scoreOneCell(fc, g, this.cellScore, 2 * (cell0 + g));
  }

  /**
   * Value 2.5 + Σ ω_g t_g and its posterior SD, ω the candidate's cell weights (weights[from + g] for its cell
   * g, 0 leaves a cell out) normalised, into out[at] and out[at + 1]. With the candidate's factors (see
   * prepareScores), Var = Σ ω_g² / D_g + |Σ ω_g u_g|² + (Σ ω_g z_g) · (Σ ω_g q_g): a pass over the weighted
   * cells' rows, not the whole cell covariance.
   */
  private scoreWeighted(fc: number, weights: Float64Array, from: number, out: Float64Array, at: number): void {
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const e = this.scoreLocalSize;
    const c = this.scoreColumns;
    let total = 0;
    for (let g = 0; g < nCells; g++) total += weights[from + g]!;
    const { scoreU: U, scoreQ: Q, scoreZ: Z, dDiag } = this;
    if (this.scoreSums.length < e + 2 * c) this.scoreSums = new Float64Array(e + 2 * c);
    const sums = this.scoreSums;
    const u0 = this.scoreUOffset;
    const q0 = this.scoreQOffset;
    let value = MIDDLE + this.a[fc]!;
    let variance = 0;
    // sums: Σ ω u (e), then Σ ω z and Σ ω q (c each). Only the weighted cells take part.
    sums.fill(0, 0, e + 2 * c);
    const diagonal = this.globals > DENSE_COVARIANCE_LIMIT;
    for (let g = 0; g < nCells; g++) {
      const w = weights[from + g]!;
      if (w === 0) continue;
      const og = w / total;
      value += og * (this.x[2 * this.panelSize + this.cellKey[cell0 + g]!]! + this.d[cell0 + g]!);
      variance += (og * og) / dDiag[cell0 + g]!;
      for (let r = 0; r < e; r++) sums[r]! += og * U[u0 + g * e + r]!;
      const row = q0 + g * c;
      if (diagonal) {
        for (let b = 0; b < c; b++) sums[e + c + b]! += og * Q[row + b]!;
      } else {
        for (let b = 0; b < c; b++) {
          sums[e + b]! += og * Z[row + b]!;
          sums[e + c + b]! += og * Q[row + b]!;
        }
      }
    }
    for (let r = 0; r < e; r++) variance += sums[r]! * sums[r]!;
    if (diagonal) {
      // C diagonal (large panels): (Σ ω z) · (Σ ω q) = Σ_b C_bb (Σ ω q_b)², no z needed.
      const C = this.scoreDiagonal;
      for (let b = 0; b < c; b++) variance += C[b]! * sums[e + c + b]! * sums[e + c + b]!;
    } else {
      for (let b = 0; b < c; b++) variance += sums[e + b]! * sums[e + c + b]!;
    }
    out[at] = value;
    out[at + 1] = Math.sqrt(Math.max(0, variance));
  }

  /**
   * scoreWeighted for the candidate's one cell g of weight 1, a key's score: the same sums, number for number,
   * without the weights.
   */
  private scoreOneCell(fc: number, g: number, out: Float64Array, at: number): void {
    const cell0 = this.cellStart[fc]!;
    const e = this.scoreLocalSize;
    const c = this.scoreColumns;
    const { scoreU: U, scoreQ: Q, scoreZ: Z, dDiag } = this;
    const u = this.scoreUOffset + g * e;
    const q = this.scoreQOffset + g * c;
    const value = MIDDLE + this.a[fc]! + (this.x[2 * this.panelSize + this.cellKey[cell0 + g]!]! + this.d[cell0 + g]!);
    let variance = 1 / dDiag[cell0 + g]!;
    for (let r = 0; r < e; r++) variance += U[u + r]! * U[u + r]!;
    if (this.globals > DENSE_COVARIANCE_LIMIT) {
      const C = this.scoreDiagonal;
      for (let b = 0; b < c; b++) variance += C[b]! * Q[q + b]! * Q[q + b]!;
    } else {
      for (let b = 0; b < c; b++) variance += Z[q + b]! * Q[q + b]!;
    }
    out[at] = value;
    out[at + 1] = Math.sqrt(Math.max(0, variance));
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
   * q_g = e_β(k_g) − X_g / D_g + u_gᵀ V. Keeps u_g (scoreU), q_g (scoreQ) and z_g = C q_g (scoreZ, C
   * restricted to the candidate's globals; its diagonal only on large panels, where interviewers sharing a
   * candidate are negatively correlated, so that errs on the wide side). For one candidate at a time (scoreRange:
   * its scores follow at once).
   */
  protected prepareScores(fc: number): void {
    const slot0 = this.slotStart[fc]!;
    const slots = this.slotStart[fc + 1]! - slot0;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    // Read from the layout, not from `covariance`: the second thread's copy has no reference to it.
    if (this.globals > DENSE_COVARIANCE_LIMIT) {
      // Diagonal C: the candidate's entries of it, in its columns' order (no z, see scoreWeighted).
      const P = this.panelSize;
      const c = 2 * slots + cells;
      if (this.scoreDiagonal.length < c) this.scoreDiagonal = new Float64Array(c);
      for (let col = 0; col < c; col++) {
        const global =
          col < 2 * slots
            ? (col & 1 ? P : 0) + this.slotPos[slot0 + (col >> 1)]!
            : 2 * P + this.cellKey[cell0 + col - 2 * slots]!;
        this.scoreDiagonal[col] = this.covarianceDiag[global]!;
      }
    } else {
      this.scoreFactors(fc);
    }
    this.scoreLocalSize = 1 + this.cardStart[fc + 1]! - this.cardStart[fc]!;
    this.scoreColumns = 2 * slots + cells;
    this.scoreUOffset = this.scoreUStart[fc]!;
    this.scoreQOffset = this.scoreQStart[fc]!;
  }

  /** Candidate fc's z_g = C q_g (see prepareScores), into scoreZ; with a dense C only. */
  protected scoreFactors(fc: number): void {
    const P = this.panelSize;
    const n = this.globals;
    const cell0 = this.cellStart[fc]!;
    const nCells = this.cellStart[fc + 1]! - cell0;
    const slot0 = this.slotStart[fc]!;
    const m = this.slotStart[fc + 1]! - slot0;
    const c = 2 * m + nCells;
    const work = this.scoreWork(c * c + c);
    const { scoreQ: Q, scoreZ: Z } = this;
    const q0 = this.scoreQStart[fc]!;
    const local = work.subarray(0, c * c);
    const globalOf = work.subarray(c * c, c * c + c);
    for (let col = 0; col < c; col++) {
      globalOf[col] =
        col < 2 * m
          ? (col & 1 ? P : 0) + this.slotPos[slot0 + (col >> 1)]!
          : 2 * P + this.cellKey[cell0 + col - 2 * m]!;
    }
    // A split fit's dense covariance is read from shared memory (the second thread has no other reference).
    const C = this.covarianceStore.length > 0 ? this.covarianceStore : this.covariance;
    if (C === null) throw new Error("scoreFactors needs the dense covariance.");
    // Z = Q C restricted to the candidate's globals: C is symmetric, so Z[g, b] is the dot product of
    // Q's row g with C's row b; four rows of Q at a time, so each row of C is read once per four.
    for (let a = 0; a < c; a++) {
      const row = globalOf[a]! * n;
      for (let b = 0; b < c; b++) local[a * c + b] = C[row + globalOf[b]!]!;
    }
    let g = 0;
    for (; g + 4 <= nCells; g += 4) {
      const z0Row = g * c;
      const p0 = q0 + z0Row;
      const p1 = p0 + c;
      const p2 = p1 + c;
      const p3 = p2 + c;
      for (let b = 0; b < c; b++) {
        const o = b * c;
        let z0 = 0;
        let z1 = 0;
        let z2 = 0;
        let z3 = 0;
        for (let a = 0; a < c; a++) {
          const value = local[o + a]!;
          z0 += Q[p0 + a]! * value;
          z1 += Q[p1 + a]! * value;
          z2 += Q[p2 + a]! * value;
          z3 += Q[p3 + a]! * value;
        }
        Z[p0 + b] = z0;
        Z[p1 + b] = z1;
        Z[p2 + b] = z2;
        Z[p3 + b] = z3;
      }
    }
    for (; g < nCells; g++) {
      const q = g * c;
      for (let b = 0; b < c; b++) {
        const o = b * c;
        let z = 0;
        for (let a = 0; a < c; a++) z += Q[q0 + q + a]! * local[o + a]!;
        Z[q0 + q + b] = z;
      }
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

  private scoreWork(size: number): Float64Array {
    if (this.scoreBuffer.length < size) this.scoreBuffer = new Float64Array(size);
    return this.scoreBuffer;
  }
}
