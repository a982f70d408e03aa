// The interviewer-and-key system with every candidate's own parameters eliminated (the Schur complement),
// solved by projected, preconditioned conjugate gradients on the subspace the constraints allow.

import { dot, dotAt } from "./numerics";
import { LocalSystem } from "./local-system";

export const CG_TOLERANCE = 1e-8;

export class SchurSystem extends LocalSystem {
  /** out = S v = (A_GG − A_GL H⁻¹ A_LG) v, the interviewer-and-key system with candidates eliminated. */
  protected applySchur(v: Float64Array, out: Float64Array): void {
    this.ensureScratch();
    const P = this.panelSize;
    const { la, ld, lu, ya, yd, yu, rPos, rKey, rGainOf, rT, rW, rCell, rCard, ratingStart } = this;
    la.fill(0);
    ld.fill(0);
    lu.fill(0);
    for (let k = 0; k < this.globals; k++) out[k] = this.prior(k) * v[k]!;
    for (let fc = 0; fc < this.candidates; fc++) {
      let sumA = 0;
      for (let i = ratingStart[fc]!, end = ratingStart[fc + 1]!; i < end; i++) {
        const p = rPos[i]!;
        const key = 2 * P + rKey[i]!;
        const gain = rGainOf[i]!;
        const t = rT[i]!;
        const e = rW[i]! * (v[p]! + t * v[P + p]! + gain * v[key]!);
        out[p]! += e;
        out[P + p]! += t * e;
        out[key]! += gain * e;
        sumA += gain * e;
        ld[rCell[i]!]! += gain * e;
        lu[rCard[i]!]! += e;
      }
      la[fc] = sumA;
    }
    for (let fc = 0; fc < this.candidates; fc++) this.solveLocal(fc, la, ld, lu, ya, yd, yu);
    for (let fc = 0; fc < this.candidates; fc++) {
      const yA = ya[fc]!;
      for (let i = ratingStart[fc]!, end = ratingStart[fc + 1]!; i < end; i++) {
        const p = rPos[i]!;
        const gain = rGainOf[i]!;
        const f = rW[i]! * (gain * (yA + yd[rCell[i]!]!) + yu[rCard[i]!]!);
        out[p]! -= f;
        out[P + p]! -= rT[i]! * f;
        out[2 * P + rKey[i]!]! -= gain * f;
      }
    }
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

  /**
   * Exact block diagonal of the Schur complement S: for each candidate, the columns of A_LG belonging to
   * its interviewers (severity and gain) and keys are pushed through H_c⁻¹. Used as the CG preconditioner
   * and for the approximate posterior variances inside the iterations.
   */
  protected assembleSchurDiagonal(): void {
    const P = this.panelSize;
    const D = this.schurDiag;
    const { rPos, rW, rT } = this;
    D.fill(0);
    for (let i = 0; i < this.ratings; i++) {
      const p = rPos[i]!;
      const W = rW[i]!;
      const t = rT[i]!;
      D[3 * p]! += W;
      D[3 * p + 1]! += W * t;
      D[3 * p + 2]! += W * t * t;
    }
    // Keys: only the cell deviations are eliminated (the candidate level takes a further ~1/keys, ignored
    // here): this block serves as preconditioner and for the key variance update, not for reported errors.
    const cellPrior = 1 / this.varD;
    for (let g = 0; g < this.d.length; g++) {
      const data = this.dDiag[g]! - cellPrior;
      D[3 * P + this.cellKey[g]!]! += (data * cellPrior) / this.dDiag[g]!;
    }
    for (let p = 0; p < P; p++) {
      D[3 * p]! += this.prior(p);
      D[3 * p + 2]! += this.prior(P + p);
    }
    for (let k = 0; k < this.keys; k++) D[3 * P + k]! += this.prior(2 * P + k);
    const { columnVector, columnSolved, slotGlobal, slotOf } = this;
    for (let fc = 0; fc < this.candidates; fc++) {
      const count = this.candidateColumns(fc, false);
      const length = this.columnLength;
      for (let m = 0; m < count; m++) {
        const global = slotGlobal[m]!;
        const self = dotAt(columnVector, columnSolved, m * length, m * length, length);
        if (global < P) {
          D[3 * global]! -= self;
          const partner = this.settings.gains ? slotOf[P + global]! : -1;
          if (partner >= 0)
            D[3 * global + 1]! -= dotAt(columnVector, columnSolved, m * length, partner * length, length);
        } else {
          D[3 * (global - P) + 2]! -= self;
        }
      }
      for (let m = 0; m < count; m++) slotOf[slotGlobal[m]!] = -1;
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
