// The interviewer-and-key system with every candidate's own parameters eliminated (the Schur complement),
// solved by projected, preconditioned conjugate gradients on the subspace the constraints allow; its exact
// 2 × 2 interviewer blocks for the preconditioner, and, once at the end, the whole of it explicitly
// (schur-matrix.ts) for the standard errors.

import { LocalSystem } from "./local-system";
import * as numerics from "./numerics";
import * as state from "./state";
import { PASS_APPLY, PASS_ELIMINATE, PASS_PREPARE } from "./state";

const { DENSE_COVARIANCE_LIMIT } = state;

// A module-local copy of an imported function (see local-system.ts).
const { dot } = numerics;

export const CG_TOLERANCE = 1e-8;

/** Which part of a candidate's share of S the elimination computes (see eliminateCandidate). */
export type SchurPart = "none" | "interviewers" | "all";

export abstract class SchurSystem extends LocalSystem {
  /**
   * out = S v = (A_GG − A_GL H⁻¹ A_LG) v, the interviewer-and-key system with candidates eliminated. One
   * candidate at a time (its ratings, its local solve, its ratings again), so the second pass reads from cache.
   */
  protected applySchur(v: Float64Array, out: Float64Array): void {
    for (let k = 0; k < this.globals; k++) out[k] = this.prior(k) * v[k]!;
    this.pass(PASS_APPLY, out, v);
  }

  /** Candidates lo .. hi − 1's share of S v, added to out (see applySchur). */
  protected applySchurRange(lo: number, hi: number, v: Float64Array, out: Float64Array): void {
    const P = this.panelSize;
    const { la, ld, lu, ya, yd, yu, rPos, rKey, rGainOf, rT, rW, rCell, cardRatingStart, cellStart, cardStart } = this;
    const { cellKey } = this;
    for (let fc = lo; fc < hi; fc++) {
      ld.fill(0, cellStart[fc], cellStart[fc + 1]);
      const firstCard = cardStart[fc]!;
      const endCard = cardStart[fc + 1]!;
      let sumA = 0;
      // A scorecard's ratings share the interviewer: its severity and gain are read and summed once, and
      // its gain factored out of the level's sum.
      for (let q = firstCard; q < endCard; q++) {
        const start = cardRatingStart[q]!;
        const end = cardRatingStart[q + 1]!;
        const p = rPos[start]!;
        const vs = v[p]!;
        const vg = v[P + p]!;
        const gain = rGainOf[start]!;
        let sumE = 0;
        let sumTE = 0;
        for (let i = start; i < end; i++) {
          const t = rT[i]!;
          const e = rW[i]! * (vs + t * vg + gain * v[2 * P + rKey[i]!]!);
          const ge = gain * e;
          sumE += e;
          sumTE += t * e;
          ld[rCell[i]!]! += ge;
        }
        sumA += gain * sumE;
        out[p]! += sumE;
        out[P + p]! += sumTE;
        lu[q] = sumE;
      }
      la[fc] = sumA;
      // A cell's ratings all have its key: the key's share is the cell's sum.
      for (let g = cellStart[fc]!; g < cellStart[fc + 1]!; g++) out[2 * P + cellKey[g]!]! += ld[g]!;
      this.solveLocal(fc, la, ld, lu, ya, yd, yu);
      const yA = ya[fc]!;
      for (let q = firstCard; q < endCard; q++) {
        const start = cardRatingStart[q]!;
        const end = cardRatingStart[q + 1]!;
        const yq = yu[q]!;
        const gain = rGainOf[start]!;
        let sumF = 0;
        let sumTF = 0;
        for (let i = start; i < end; i++) {
          const f = rW[i]! * (gain * (yA + yd[rCell[i]!]!) + yq);
          sumF += f;
          sumTF += rT[i]! * f;
          out[2 * P + rKey[i]!]! -= gain * f;
        }
        const p = rPos[start]!;
        out[p]! -= sumF;
        out[P + p]! -= sumTF;
      }
    }
  }

  /**
   * Linearises the model at the current values and factorises every candidate's local block
   * (lineariseAndFactor), and assembles the exact 2 × 2 (severity, gain) diagonal blocks of S per
   * interviewer and an approximate 1 × 1 block per key: the CG preconditioner and the posterior variances
   * inside the iterations. One pass per candidate, so its ratings are read from cache by every part.
   */
  protected prepareStep(): void {
    const P = this.panelSize;
    const D = this.schurDiag;
    D.fill(0);
    this.pass(PASS_PREPARE, D, null);
    for (let p = 0; p < P; p++) {
      D[3 * p]! += this.prior(p);
      D[3 * p + 2]! += this.prior(P + p);
    }
    for (let k = 0; k < this.keys; k++) D[3 * P + k]! += this.prior(2 * P + k);
  }

  /** prepareStep's work for candidates lo .. hi − 1, its blocks of S added to D. */
  protected prepareRange(lo: number, hi: number, D: Float64Array): void {
    const sigma = Math.sqrt(this.noise);
    this.intervals.prepare(sigma, 3 * this.ratings);
    for (let fc = lo; fc < hi; fc++) {
      this.lineariseAndFactor(fc, sigma, D);
      this.diagonalShare(fc, D);
    }
  }

  /**
   * One candidate's share of the diagonal blocks of S (see prepareStep), into D, less A_GG's (added with the
   * linearisation). Keys: only the cell deviations are eliminated (the candidate level takes a further
   * ~1/keys, ignored here): this block serves as preconditioner and for the key variance update, not for
   * reported errors. Interviewers: the candidate's part of an interviewer's block is its columns'
   * Xᵀ D⁻¹ X + (L⁻¹ Y)ᵀ (L⁻¹ Y) (see eliminateCandidate), computed here for the interviewer columns only.
   */
  private diagonalShare(fc: number, D: Float64Array): void {
    const P = this.panelSize;
    const gains = this.settings.gains;
    const { tFactor: L, dDiag } = this;
    const cellPrior = 1 / this.varD;
    const Y = this.elimY;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    for (let g = cell0; g < cell0 + cells; g++) {
      const data = dDiag[g]! - cellPrior;
      D[3 * P + this.cellKey[g]!]! += data * cellPrior * this.dInverse[g]!;
    }
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const slot0 = this.slotStart[fc]!;
    const m = this.slotStart[fc + 1]! - slot0;
    const c = 2 * m;
    const t0 = this.factorStart[fc]!;
    Y.fill(0, 0, e * c);
    // Y = Y_E − Bᵀ D⁻¹ X. Y_E (the level and card rows of A_LG) and Xᵀ D⁻¹ X from the ratings: card by card
    // when no interviewer rated a cell twice (then each of an interviewer's entries of X is one rating's),
    // else cell by cell, summing an interviewer's ratings of a cell first.
    if (this.uniqueSlots[fc] === 1) this.cardShares(fc, D, c);
    else this.cellShares(fc, D, c);
    this.subtractCardColumns(fc, c);
    // V = L⁻¹ Y, then Vᵀ V on each interviewer's 2 × 2 block.
    forwardSolveRows(L, t0, e, Y, c);
    for (let j = 0; j < m; j++) {
      let ss = 0;
      let sg = 0;
      let gg = 0;
      for (let r = 0; r < e; r++) {
        const vs = Y[r * c + 2 * j]!;
        const vg = Y[r * c + 2 * j + 1]!;
        ss += vs * vs;
        sg += vs * vg;
        gg += vg * vg;
      }
      subtractBlock(D, this.slotPos[slot0 + j]!, ss, sg, gg, gains);
    }
  }

  /** diagonalShare's Y_E and Xᵀ D⁻¹ X, card by card (each cell rated at most once per interviewer). */
  private cardShares(fc: number, D: Float64Array, c: number): void {
    const gains = this.settings.gains;
    const { rW, rT, rCell, rGainOf, rSlot, rPos, cardRatingStart, dInverse } = this;
    const Y = this.elimY;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    for (let card = 1; card < e; card++) {
      const first = cardRatingStart[card0 + card - 1]!;
      const end = cardRatingStart[card0 + card]!;
      if (first === end) continue;
      const gain = rGainOf[first]!;
      const col = 2 * rSlot[first]!;
      let sumW = 0;
      let sumWT = 0;
      let ss = 0;
      let sg = 0;
      let gg = 0;
      for (let i = first; i < end; i++) {
        const W = rW[i]!;
        const t = gains ? rT[i]! : 0;
        const inverse = dInverse[rCell[i]!]!;
        const wg = W * gain;
        const wgt = wg * t;
        sumW += W;
        sumWT += W * t;
        ss += wg * wg * inverse;
        sg += wg * wgt * inverse;
        gg += wgt * wgt * inverse;
      }
      Y[col]! += gain * sumW;
      Y[col + 1]! += gain * sumWT;
      Y[card * c + col]! += sumW;
      Y[card * c + col + 1]! += sumWT;
      subtractBlock(D, rPos[first]!, ss, sg, gg, gains);
    }
  }

  /** diagonalShare's Y_E and Xᵀ D⁻¹ X, cell by cell (see diagonalShare). */
  private cellShares(fc: number, D: Float64Array, c: number): void {
    const gains = this.settings.gains;
    const { rW, rT, rGainOf, rSlot, rCard, cellRatings, cellRatingStart, dDiag } = this;
    const Y = this.elimY;
    const cellSums = this.slotSums;
    const touched = this.slotList;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const slot0 = this.slotStart[fc]!;
    cellSums.fill(0, 0, c);
    for (let g = 0; g < cells; g++) {
      const inverse = 1 / dDiag[cell0 + g]!;
      let count = 0;
      for (let r = cellRatingStart[cell0 + g]!, end = cellRatingStart[cell0 + g + 1]!; r < end; r++) {
        const i = cellRatings[r]!;
        const W = rW[i]!;
        const wg = W * rGainOf[i]!;
        const t = gains ? rT[i]! : 0;
        const wgt = wg * t;
        const col = 2 * rSlot[i]!;
        const q = (1 + rCard[i]! - card0) * c;
        Y[col]! += wg;
        Y[col + 1]! += wgt;
        Y[q + col]! += W;
        Y[q + col + 1]! += W * t;
        if (cellSums[col] === 0) touched[count++] = col;
        cellSums[col]! += wg;
        cellSums[col + 1]! += wgt;
      }
      // Xᵀ D⁻¹ X on the interviewer's own 2 × 2 block (summed first: an interviewer may rate a cell twice).
      for (let a = 0; a < count; a++) {
        const col = touched[a]!;
        const xs = cellSums[col]!;
        const xg = cellSums[col + 1]!;
        subtractBlock(
          D,
          this.slotPos[slot0 + (col >> 1)]!,
          xs * xs * inverse,
          xs * xg * inverse,
          xg * xg * inverse,
          gains,
        );
        cellSums[col] = 0;
        cellSums[col + 1] = 0;
      }
    }
  }

  /**
   * diagonalShare's Y −= Bᵀ D⁻¹ X: a cell's severity entry for slot s is the sum of B's entries of the slot's
   * cards, and its gain entry that times the cell's t, so the columns are sums of card columns of
   * M0 = Bᵀ D⁻¹ B and M1 = Bᵀ D⁻¹ diag(t) B (lower triangles, from lineariseAndFactor).
   */
  private subtractCardColumns(fc: number, c: number): void {
    const gains = this.settings.gains;
    const { localM0: M0, localM1: M1, rSlot, cardRatingStart } = this;
    const Y = this.elimY;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    for (let card = 1; card < e; card++) {
      const first = cardRatingStart[card0 + card - 1]!;
      if (first === cardRatingStart[card0 + card]!) continue;
      const col = 2 * rSlot[first]!;
      for (let k = 0; k < e; k++) {
        const at = k >= card ? k * e + card : card * e + k;
        Y[k * c + col]! -= M0[at]!;
        if (gains) Y[k * c + col + 1]! -= M1[at]!;
      }
    }
  }

  /**
   * One candidate's part of the elimination. Its columns are 2j (severity) and 2j + 1 (gain) of each of its
   * m interviewers (slot j) and 2m + g for the key of its cell g. Fills elimX (cells × columns: the cell rows
   * of A_LG) and elimY (e × columns: L⁻¹ (Y_E − Bᵀ D⁻¹ X), Y_E the level and card rows of A_LG and L the
   * Cholesky factor of T), so that A_GL H⁻¹ A_LG = Xᵀ D⁻¹ X + (L⁻¹ Y)ᵀ (L⁻¹ Y). With `schur` "all", elimS
   * gets the upper triangle of the candidate's part of S without the priors: A_GG − Xᵀ D⁻¹ X − (L⁻¹ Y)ᵀ (L⁻¹ Y);
   * with "interviewers", only its interviewer columns (the first 2m). Without gains the gain columns of A_LG
   * are left out (as the gains are then fixed). Returns the columns.
   */
  protected eliminateCandidate(fc: number, part: SchurPart): number {
    const schur = part !== "none";
    const keysToo = part === "all";
    const gains = this.settings.gains;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const m = this.slotStart[fc + 1]! - this.slotStart[fc]!;
    const c = 2 * m + cells;
    const b0 = this.blockStart[fc]!;
    const t0 = this.factorStart[fc]!;
    const { elimX: X, elimY: Y, elimS: S, elimColumn: columns, elimValue: values } = this;
    const { bBlock: B, tFactor: L, dDiag, rW, rGainOf, rT, rSlot, rCard, cellRatings, cellRatingStart } = this;
    X.fill(0, 0, cells * c);
    Y.fill(0, 0, e * c);
    if (schur) S.fill(0, 0, c * c);
    for (let g = 0; g < cells; g++) {
      const key = 2 * m + g;
      let count = 0;
      let keyValue = 0;
      for (let r = cellRatingStart[cell0 + g]!, end = cellRatingStart[cell0 + g + 1]!; r < end; r++) {
        const i = cellRatings[r]!;
        const W = rW[i]!;
        const gain = rGainOf[i]!;
        const t = rT[i]!;
        const col = 2 * rSlot[i]!;
        const q = (1 + rCard[i]! - card0) * c;
        const wg = W * gain;
        keyValue += wg * gain;
        // Level row (coefficient gain) and the rating's card row (coefficient 1) of A_LG.
        Y[col]! += wg;
        Y[key]! += wg * gain;
        Y[q + col]! += W;
        Y[q + key]! += wg;
        X[g * c + col]! += wg;
        columns[count] = col;
        values[count++] = wg;
        if (gains) {
          Y[col + 1]! += wg * t;
          Y[q + col + 1]! += W * t;
          X[g * c + col + 1]! += wg * t;
          columns[count] = col + 1;
          values[count++] = wg * t;
        }
        if (schur) {
          // A_GG: the rating's globals (s, γ, β) with coefficients (1, t, gain), weight W.
          S[col * c + col]! += W;
          S[col * c + col + 1]! += W * t;
          S[(col + 1) * c + col + 1]! += W * t * t;
          if (keysToo) {
            S[col * c + key]! += wg;
            S[(col + 1) * c + key]! += wg * t;
            S[key * c + key]! += wg * gain;
          }
        }
      }
      X[g * c + key] = keyValue;
      columns[count] = key;
      values[count++] = keyValue;
      const inverse = 1 / dDiag[cell0 + g]!;
      if (schur) {
        // Xᵀ D⁻¹ X, this cell's share, into the upper triangle: each pair of entries once (a column that
        // appears twice, an interviewer who rated the cell on two scorecards, meets itself twice). The key's
        // column is the last of the cell's columns.
        const used = keysToo ? count : count - 1;
        for (let a = 0; a < used; a++) {
          const ca = columns[a]!;
          const va = values[a]! * inverse;
          S[ca * c + ca]! -= va * values[a]!;
          for (let b = a + 1; b < used; b++) {
            const cb = columns[b]!;
            const product = va * values[b]!;
            S[Math.min(ca, cb) * c + Math.max(ca, cb)]! -= ca === cb ? 2 * product : product;
          }
        }
      }
      // Y_E −= Bᵀ D⁻¹ X, this cell's share: column by column, the cell's D⁻¹ B row in cellFactor.
      const row = b0 + g * e;
      const factor = this.cellFactor;
      for (let r = 0; r < e; r++) factor[r] = B[row + r]! * inverse;
      for (let a = 0; a < count; a++) {
        const col = columns[a]!;
        const value = values[a]!;
        for (let r = 0; r < e; r++) Y[r * c + col]! -= factor[r]! * value;
      }
    }
    // Y ← L⁻¹ Y, every column at once.
    forwardSolveRows(L, t0, e, Y, c);
    if (schur) {
      // S −= Yᵀ Y (upper triangle), four rows of Y at a time: each entry of S read and written once per four.
      const width = keysToo ? c : 2 * m;
      let r = 0;
      for (; r + 4 <= e; r += 4) {
        const o0 = r * c;
        const o1 = o0 + c;
        const o2 = o1 + c;
        const o3 = o2 + c;
        for (let a = 0; a < width; a++) {
          const v0 = Y[o0 + a]!;
          const v1 = Y[o1 + a]!;
          const v2 = Y[o2 + a]!;
          const v3 = Y[o3 + a]!;
          const row = a * c;
          for (let b = a; b < width; b++)
            S[row + b]! -= v0 * Y[o0 + b]! + v1 * Y[o1 + b]! + v2 * Y[o2 + b]! + v3 * Y[o3 + b]!;
        }
      }
      for (; r < e; r++) {
        const o = r * c;
        for (let a = 0; a < width; a++) {
          const va = Y[o + a]!;
          if (va === 0) continue;
          const row = a * c;
          for (let b = a; b < width; b++) S[row + b]! -= va * Y[o + b]!;
        }
      }
    }
    return c;
  }

  /**
   * Assembles S explicitly (schur-matrix.ts) from every candidate's part plus the priors, for the standard
   * errors: all of it, or with `part` "interviewers" only the interviewer blocks (all a large panel's
   * approximate covariance reads).
   */
  protected assembleSchur(part: Exclude<SchurPart, "none">): void {
    const P = this.panelSize;
    const all = part === "all";
    const matrix = this.schur;
    matrix.clear();
    const split = this.elimStart.length > 0;
    // A split fit eliminates its candidates in pieces (on both threads, eliminateRange), each keeping its
    // part of S; they are added here in candidate order, as the one-piece loop adds them.
    if (split) this.pass(PASS_ELIMINATE, null, null);
    for (let fc = 0; fc < this.candidates; fc++) {
      let part = this.elimS;
      let columns: number;
      if (split) {
        const m = this.slotStart[fc + 1]! - this.slotStart[fc]!;
        columns = all ? 2 * m + this.cellStart[fc + 1]! - this.cellStart[fc]! : 2 * m;
        part = this.elimStore.subarray(this.elimStart[fc], this.elimStart[fc + 1]);
      } else {
        columns = this.eliminateCandidate(fc, all ? "all" : "interviewers");
      }
      const slot0 = this.slotStart[fc]!;
      const cell0 = this.cellStart[fc]!;
      matrix.addCandidate(
        fc,
        part,
        columns,
        this.slotPos.subarray(slot0, this.slotStart[fc + 1]),
        all ? this.cellKey.subarray(cell0, this.cellStart[fc + 1]) : null,
      );
      if (!split) this.afterElimination(fc, columns);
    }
    const { blocks, keyKey, diagonalBlock } = matrix;
    for (let p = 0; p < P; p++) {
      const b = 4 * diagonalBlock[p]!;
      blocks[b]! += this.prior(p);
      blocks[b + 3]! += this.prior(P + p);
    }
    for (let k = 0; k < this.keys; k++) keyKey[k * this.keys + k]! += this.prior(2 * P + k);
  }

  /**
   * assembleSchur's elimination for candidates lo .. hi − 1 of a split fit: each one's part of S into
   * elimStore (all of it when S is assembled whole, else its interviewer block, packed), and its score factors.
   */
  protected eliminateRange(lo: number, hi: number): void {
    const all = this.globals <= DENSE_COVARIANCE_LIMIT;
    const { elimS: S, elimStore: store, elimStart } = this;
    for (let fc = lo; fc < hi; fc++) {
      const c = this.eliminateCandidate(fc, all ? "all" : "interviewers");
      const width = all ? c : 2 * (this.slotStart[fc + 1]! - this.slotStart[fc]!);
      const o = elimStart[fc]!;
      for (let r = 0; r < width; r++) for (let k = 0; k < width; k++) store[o + r * width + k] = S[r * c + k]!;
      this.afterElimination(fc, c);
    }
  }

  /**
   * Called by assembleSchur after each candidate's elimination, while elimX and elimY hold its X and L⁻¹ Y:
   * the standard errors keep what the scores need from them (standard-errors.ts).
   */
  protected afterElimination(fc: number, columns: number): void {
    void fc;
    void columns;
  }

  /** Removes the directions the constraints forbid: mean severity 0, mean gain 1 (and no gains when off). */
  protected project(v: Float64Array): void {
    const P = this.panelSize;
    let ms = 0;
    let mg = 0;
    for (let p = 0; p < P; p++) {
      ms += v[p]!;
      mg += v[P + p]!;
    }
    ms /= P;
    mg /= P;
    for (let p = 0; p < P; p++) {
      v[p]! -= ms;
      v[P + p] = this.settings.gains ? v[P + p]! - mg : 0;
    }
  }

  /** Block-Jacobi preconditioner from the exact 2×2 / 1×1 diagonal blocks of S. */
  protected precondition(r: Float64Array, z: Float64Array): void {
    const P = this.panelSize;
    const D = this.schurDiag;
    for (let p = 0; p < P; p++) {
      const ss = D[3 * p]!;
      const sg = this.settings.gains ? D[3 * p + 1]! : 0;
      const gg = this.settings.gains ? D[3 * p + 2]! : 1;
      const det = ss * gg - sg * sg;
      const rs = r[p]!;
      const rg = this.settings.gains ? r[P + p]! : 0;
      z[p] = (gg * rs - sg * rg) / det;
      z[P + p] = (ss * rg - sg * rs) / det;
    }
    for (let k = 0; k < this.keys; k++) z[2 * P + k] = r[2 * P + k]! / D[3 * P + k]!;
    this.project(z);
  }

  /** Projected, preconditioned conjugate gradients for S x = rhs on the constraint subspace (x starts at 0). */
  protected conjugateGradients(rhs: Float64Array, x: Float64Array, relativeTolerance = CG_TOLERANCE): number {
    const n = this.globals;
    const r = rhs.slice();
    const z = new Float64Array(n);
    const p = new Float64Array(n);
    const Sp = new Float64Array(n);
    this.precondition(r, z);
    p.set(z);
    let rz = dot(r, z);
    const start = Math.sqrt(dot(r, r));
    if (start === 0) return 0;
    let steps = 0;
    for (; steps < 4 * n + 20; steps++) {
      this.applySchur(p, Sp);
      this.project(Sp);
      const alpha = rz / dot(p, Sp);
      for (let k = 0; k < n; k++) {
        x[k]! += alpha * p[k]!;
        r[k]! -= alpha * Sp[k]!;
      }
      if (Math.sqrt(dot(r, r)) <= relativeTolerance * start) break;
      this.precondition(r, z);
      const next = dot(r, z);
      const beta = next / rz;
      rz = next;
      for (let k = 0; k < n; k++) p[k] = z[k]! + beta * p[k]!;
    }
    return steps + 1;
  }
}

/** Subtracts (ss, sg, gg) from interviewer p's 2 × 2 (severity, gain) block in D; the severity entry alone without gains. */
function subtractBlock(D: Float64Array, p: number, ss: number, sg: number, gg: number, gains: boolean): void {
  D[3 * p]! -= ss;
  if (gains) {
    D[3 * p + 1]! -= sg;
    D[3 * p + 2]! -= gg;
  }
}

/**
 * Y ← L⁻¹ Y in place, for the e × e lower-triangular factor stored row-major in L from t0 and the e × c
 * row-major block Y: every column at once.
 */
function forwardSolveRows(L: Float64Array, t0: number, e: number, Y: Float64Array, c: number) {
  for (let r = 0; r < e; r++) {
    const o = r * c;
    for (let k = 0; k < r; k++) {
      const l = L[t0 + r * e + k]!;
      if (l === 0) continue;
      for (let col = 0; col < c; col++) Y[o + col]! -= l * Y[k * c + col]!;
    }
    const inverse = 1 / L[t0 + r * e + r]!;
    for (let col = 0; col < c; col++) Y[o + col]! *= inverse;
  }
}
