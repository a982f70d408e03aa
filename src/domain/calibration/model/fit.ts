// The v2 calibration model and its fit. docs/calibration.md explains it in words; in symbols, for rating r
// of candidate c on key k (cell g = (c, k)) by panel interviewer j on scorecard q:
//
//   latent_r = 2.5 + (1 + γ_j) · t_g + s_j + u_q + ε_r,     t_g = a_c + β_k + d_g,     ε_r ~ N(0, σ²)
//   rating_r = v  ⇔  latent_r ∈ [v − 0.5, v + 0.5], open-ended below 1.5 and above 3.5
//
//   a_c ~ N(μ, 4 τ_a²) candidate level (relative to the scale's middle, 2.5)
//   d_g ~ N(0, τ_d²)   candidate × key deviation         β_k ~ N(0, τ_β²)  key difficulty
//   u_q ~ N(0, τ_u²)   scorecard (halo) effect            s_j ~ N(0, τ_s²)  severity (+ = lenient)
//   γ_j ~ N(0, τ_g²)   gain − 1                           Σ_j s_j = Σ_j γ_j = 0 over the panel
//
// Fitted by penalised Newton (Fisher scoring) on the censored likelihood: each step solves the sparse normal
// equations exactly, eliminating every candidate's own parameters (a small dense block per candidate) and
// solving the remaining interviewer and key system by projected conjugate gradients. The variance
// components are re-estimated between steps from the posterior variances (each τ solved from its
// EM/Schall fixed-point equation with its effects' own data held fixed, EM for σ). Standard errors come from the posterior precision at the optimum: the exact
// inverse of the interviewer-and-key system when it is small, a block + Neumann approximation when large.
//
// The model is built up in layers, one file each: state.ts (layout, parameters, priors) → starting-values.ts
// → local-system.ts (per-candidate blocks) → schur-system.ts (interviewers and keys) → variance-components.ts
// → standard-errors.ts → Model here (the iteration and the report).

import { findPanel, indexRatings, type IndexedRatings } from "../ratings";
import { CG_TOLERANCE } from "./schur-system";
import { StandardErrors } from "./standard-errors";
import { IntervalMoments } from "./latent";
import * as state from "./state";
import type { FitSettings } from "./state";
import {
  offeredThreads,
  PassThreadError,
  PASS_APPLY,
  PASS_BACK,
  PASS_ELIMINATE,
  PASS_GRADIENT,
  PASS_PREPARE,
  PASS_SCORES,
} from "./state";

// A module-local copy of an imported number used in hot loops (see local-system.ts).
const { CANDIDATE_PRIOR_SCALE } = state;

export interface ModelFit {
  panelSize: number;
  panelPosition: Int32Array;
  candidateInPanel: Uint8Array;
  /** Per panel position. */
  severity: Float64Array;
  severityStandardError: Float64Array;
  gain: Float64Array;
  gainStandardError: Float64Array;
  spread: Float64Array;
  gainsFitted: boolean;
  severitySd: number;
  gainSd: number;
  haloSd: number;
  noiseSd: number;
  iterations: number;
  converged: boolean;
  /**
   * Calibrated value and standard error of a panel candidate's (data index) overall score into out[0] and
   * out[1]: the mean of its cells weighted by its ratings' weights. Every score is computed by the fit
   * (standard-errors.ts, candidateScores), so these only read them.
   */
  overallScore(candidate: number, out: Float64Array): void;
  /** The same for the candidate's ratings in group `group` (data.groupIds); NaN when it has none. */
  groupScore(candidate: number, group: number, out: Float64Array): void;
  /** The same for one data cell (candidate × key): a key's score. */
  cellScore(cell: number, out: Float64Array): void;
}

/**
 * The variance components have converged when no SD is estimated to be further than this from its limit (see
 * run). 5e-4 rather than 1e-3 since the extrapolation and CG schedule below: it takes the fits about as close to
 * their limit as before (docs/calibration.md, *Stopping rule*) for a few iterations of the ones those saved.
 */
const HYPER_TOLERANCE = 5e-4;
/** The largest convergence rate the stopping rule assumes (see run). */
const MAX_RATE = 0.99;
/**
 * The variances are extrapolated (Aitken) at this iteration and every EXTRAPOLATION_EVERY after it. Not
 * sooner: in the first iterations the modes still move far (extreme candidates' levels, halo effects) and the
 * variances' changes are not yet geometric, so an extrapolation from them lands wide and costs iterations
 * (at 3, 6, 9, …: 345 iterations over 5 seeds of the simulated designs, 9 and 8 on the bench cohorts; at
 * 5, 9, 13, …: 316, 7 and 8, with the stopping rule's threshold at 1e-3 in both).
 */
const FIRST_EXTRAPOLATION = 5;
const EXTRAPOLATION_EVERY = 4;
/**
 * The Newton step's CG stops at a relative residual of min(CG_FORCING, the last step's size in rating
 * points): an inexact Newton forcing term that shrinks with the steps (Dembo, Eisenstat and Steihaug), so
 * the steps near the optimum are solved ever more exactly. The outer iterations are paced by the variance
 * components, so solving the early steps to 1e-3 (0.1 × the last step, as before) bought nothing: over 5
 * seeds of the simulated designs, the same 316 iterations with 671 instead of 1,238 CG products; on the
 * bench cohorts the same 7 and 8 iterations with 10 instead of 29 and 22 instead of 44.
 */
const CG_FORCING = 0.1;

export function fitCalibrationModel(data: IndexedRatings, settings: FitSettings): ModelFit {
  const panel = findPanel(data);
  const base = {
    panelSize: panel.size,
    panelPosition: panel.position,
    candidateInPanel: panel.candidateInPanel,
    gainsFitted: settings.gains && panel.size >= 2,
  };
  if (panel.size < 2) {
    const empty = new Float64Array(0);
    return {
      ...base,
      severity: empty,
      severityStandardError: empty,
      gain: empty,
      gainStandardError: empty,
      spread: empty,
      severitySd: Number.NaN,
      gainSd: Number.NaN,
      haloSd: Number.NaN,
      noiseSd: Number.NaN,
      iterations: 0,
      converged: true,
      overallScore: noScore,
      groupScore: noScore,
      cellScore: noScore,
    };
  }
  let model = new Model(data, panel.position, panel.size, panel.candidateInPanel, settings);
  model.attachPartner();
  try {
    model.run();
  } catch (error) {
    // The other thread failed part-way through a pass, so this fit's state cannot be trusted: fit again on
    // this thread alone (the same numbers a working thread gives). The thread is not offered again.
    if (!(error instanceof PassThreadError)) throw error;
    model.releasePartner();
    model = new Model(data, panel.position, panel.size, panel.candidateInPanel, settings);
    model.run();
  } finally {
    model.releasePartner();
  }
  return { ...base, ...model.report() };
}

/**
 * The partner thread's copy of a split fit, from the fields the fit's thread handed over (attach): shared
 * arrays are the same memory, scratch is its own. Returns what takes pieces of a pass there.
 */
export function passRunner(fields: Record<string, unknown>): (kind: number) => void {
  // Built by the constructor (on no ratings) and then given the fit's values: every field then exists before
  // it is assigned, so the copy keeps a fast layout. Assigned one by one to a bare object, over a hundred
  // fields would turn it into a slow dictionary, and every pass on this thread would be about half as fast.
  const replica = new Model(indexRatings([]), new Int32Array(0), 0, new Uint8Array(0), fields.settings as FitSettings);
  Object.assign(replica, fields, { intervals: new IntervalMoments(), partner: null, history: [] });
  return (kind) => replica.runShared(kind);
}

function noScore(...args: [number, ...unknown[]]): void {
  const out = args[args.length - 1] as Float64Array;
  out[0] = Number.NaN;
  out[1] = Number.NaN;
}

class Model extends StandardErrors {
  constructor(...layout: ConstructorParameters<typeof StandardErrors>) {
    super(...layout);
    this.initialise();
  }

  run(): void {
    const { maxIterations, tolerance } = this.settings;
    let previousChange = Number.POSITIVE_INFINITY;
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      this.iterations = iteration;
      this.prepareStep();
      const step = this.newtonStep();
      const change = this.updateVariances();
      // The variance updates converge linearly: at rate r = Δ_k / Δ_(k−1), about Δ r / (1 − r) is still to go.
      const rate = previousChange > 0 ? Math.min(MAX_RATE, change / previousChange) : 0;
      const remaining = change * Math.max(1, rate / (1 - rate));
      if (step < tolerance && remaining < HYPER_TOLERANCE) {
        this.converged = true;
        break;
      }
      if (iteration >= FIRST_EXTRAPOLATION && (iteration - FIRST_EXTRAPOLATION) % EXTRAPOLATION_EVERY === 0)
        this.extrapolateVariances();
      else this.extrapolateNoise();
      previousChange = change;
    }
    // Standard errors at the final estimates.
    this.prepareStep();
    this.estimateCovariance();
  }

  /**
   * One penalised Newton step on all parameters; returns the largest change (rating points). Each candidate's
   * gradient, local solve and share of the Schur right-hand side are done together (and likewise the
   * back-substitution), so its ratings are read from cache the second time. The per-candidate work is in
   * methods of its own (called per candidate, so compiled as such): as loops of this method, compiled
   * on-stack, they deoptimised after every loop of every call (~5 times per fit).
   */
  protected newtonStep(): number {
    const n = this.globals;
    // Gradient of the log posterior, local parts in (ra, rd, ru); rhs = b_G − A_GL H⁻¹ b_L.
    const rhs = new Float64Array(n);
    for (let k = 0; k < n; k++) rhs[k] = -this.prior(k) * this.x[k]!;
    this.prepareNoise();
    this.noiseSum = this.pass(PASS_GRADIENT, rhs, null);
    this.project(rhs);
    const delta = new Float64Array(n);
    // Inexact Newton: far from the optimum a rough step is as good as an exact one (see CG_FORCING).
    this.conjugateGradients(rhs, delta, Math.min(CG_FORCING, Math.max(CG_TOLERANCE, this.lastStep)));

    // Back-substitute: Δ_L = H⁻¹ (b_L − A_LG Δ_G).
    let largest = 0;
    for (let k = 0; k < n; k++) {
      this.x[k]! += delta[k]!;
      largest = Math.max(largest, Math.abs(delta[k]!));
    }
    largest = Math.max(largest, this.pass(PASS_BACK, null, delta));
    this.lastStep = largest;
    return largest;
  }

  protected override runPass(
    kind: number,
    lo: number,
    hi: number,
    target: Float64Array | null,
    input: Float64Array | null,
  ): number {
    switch (kind) {
      case PASS_PREPARE:
        this.prepareRange(lo, hi, target!);
        return 0;
      case PASS_GRADIENT: {
        // The noise update's sums ride along: they read the same linearisation, while the candidate's ratings
        // are in cache (see VarianceComponents.localSums).
        let noiseSum = 0;
        for (let fc = lo; fc < hi; fc++) {
          this.gradientShare(fc, target!);
          noiseSum += this.localSums(fc);
        }
        return noiseSum;
      }
      case PASS_APPLY:
        this.applySchurRange(lo, hi, input!, target!);
        return 0;
      case PASS_BACK: {
        let largest = 0;
        for (let fc = lo; fc < hi; fc++) largest = Math.max(largest, this.backSubstitute(fc, input!));
        return largest;
      }
      case PASS_ELIMINATE:
        this.eliminateRange(lo, hi);
        return 0;
      case PASS_SCORES:
        this.scoreRange(lo, hi);
        return 0;
      default:
        throw new RangeError(`Unknown pass ${kind}`);
    }
  }

  /** The partner thread's side of a split pass: the numbers main wrote, then pieces until none is left. */
  runShared(kind: number): void {
    this.readScalars();
    this.runChunks(kind);
  }

  /** Offers the fit's passes to another thread, when it is split and one is offered. */
  attachPartner(): void {
    const threads = offeredThreads();
    if (this.chunkStart.length > 0 && threads) this.partner = threads.attach(this.transferable());
  }

  releasePartner(): void {
    this.partner?.release();
    this.partner = null;
  }

  /**
   * Candidate fc's gradient (into gradA, gradD, gradU) and its share of the Newton step's right-hand side.
   * Card by card: a card's ratings share the interviewer, whose sums are added once per card.
   */
  private gradientShare(fc: number, rhs: Float64Array): void {
    const P = this.panelSize;
    const { rKey, rGrad, rGainOf, rT, rW, rCell, rPos, cardRatingStart, cellStart, cardStart } = this;
    const { gradA: ra, gradD: rd, gradU: ru, ya, yd, yu } = this;
    const cellPrior = 1 / this.varD;
    for (let g = cellStart[fc]!; g < cellStart[fc + 1]!; g++) rd[g] = -this.d[g]! * cellPrior;
    let sumA = -(this.a[fc]! - this.mu) / (CANDIDATE_PRIOR_SCALE * this.varA);
    const card0 = cardStart[fc]!;
    const lastCard = cardStart[fc + 1]!;
    for (let q = card0; q < lastCard; q++) {
      const first = cardRatingStart[q]!;
      const end = cardRatingStart[q + 1]!;
      let sum = 0;
      let sumT = 0;
      if (first < end) {
        const gain = rGainOf[first]!;
        for (let i = first; i < end; i++) {
          const grad = rGrad[i]!;
          sum += grad;
          sumT += rT[i]! * grad;
          rd[rCell[i]!]! += gain * grad;
          rhs[2 * P + rKey[i]!]! += gain * grad;
        }
        const p = rPos[first]!;
        sumA += gain * sum;
        rhs[p]! += sum;
        rhs[P + p]! += sumT;
      }
      ru[q] = -this.u[q]! * this.cardPrior(q) + sum;
    }
    ra[fc] = sumA;
    this.solveLocal(fc, ra, rd, ru, ya, yd, yu);
    const yA = ya[fc]!;
    for (let q = card0; q < lastCard; q++) {
      const first = cardRatingStart[q]!;
      const end = cardRatingStart[q + 1]!;
      if (first === end) continue;
      const gain = rGainOf[first]!;
      const yq = yu[q]!;
      let sumF = 0;
      let sumTF = 0;
      for (let i = first; i < end; i++) {
        const f = rW[i]! * (gain * (yA + yd[rCell[i]!]!) + yq);
        sumF += f;
        sumTF += rT[i]! * f;
        rhs[2 * P + rKey[i]!]! -= gain * f;
      }
      const p = rPos[first]!;
      rhs[p]! -= sumF;
      rhs[P + p]! -= sumTF;
    }
  }

  /** Candidate fc's own step given the globals' step delta, applied; returns its largest change. */
  private backSubstitute(fc: number, delta: Float64Array): number {
    const P = this.panelSize;
    const { rPos, rKey, rGainOf, rT, rW, rCell, cardRatingStart, cellStart, cardStart } = this;
    const { gradA: ra, gradD: rd, gradU: ru, ya, yd, yu } = this;
    let sumA = ra[fc]!;
    for (let q = cardStart[fc]!; q < cardStart[fc + 1]!; q++) {
      const first = cardRatingStart[q]!;
      const end = cardRatingStart[q + 1]!;
      if (first === end) continue;
      const p = rPos[first]!;
      const gain = rGainOf[first]!;
      const ds = delta[p]!;
      const dg = delta[P + p]!;
      let sum = 0;
      for (let i = first; i < end; i++) {
        const e = -rW[i]! * (ds + rT[i]! * dg + gain * delta[2 * P + rKey[i]!]!);
        sum += e;
        rd[rCell[i]!]! += gain * e;
      }
      sumA += gain * sum;
      ru[q]! += sum;
    }
    ra[fc] = sumA;
    this.solveLocal(fc, ra, rd, ru, ya, yd, yu);
    this.a[fc]! += ya[fc]!;
    let largest = Math.abs(ya[fc]!);
    for (let g = cellStart[fc]!; g < cellStart[fc + 1]!; g++) {
      this.d[g]! += yd[g]!;
      largest = Math.max(largest, Math.abs(yd[g]!));
    }
    for (let q = cardStart[fc]!; q < cardStart[fc + 1]!; q++) {
      this.u[q]! += yu[q]!;
      largest = Math.max(largest, Math.abs(yu[q]!));
    }
    return largest;
  }

  report(): Omit<ModelFit, "panelSize" | "panelPosition" | "candidateInPanel" | "gainsFitted"> {
    const P = this.panelSize;
    const severity = this.x.slice(0, P);
    const gain = new Float64Array(P);
    const severityStandardError = new Float64Array(P);
    const gainStandardError = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      gain[p] = 1 + this.x[P + p]!;
      severityStandardError[p] = Math.sqrt(this.covarianceDiag[p]!);
      gainStandardError[p] = this.settings.gains ? Math.sqrt(this.covarianceDiag[P + p]!) : Number.NaN;
    }
    // Spread: each interviewer's share of the noise estimate, as a residual SD on the latent scale.
    const squares = new Float64Array(P);
    const weights = new Float64Array(P);
    for (let i = 0; i < this.ratings; i++) {
      const p = this.rPos[i]!;
      squares[p]! += this.rWeight[i]! * this.noise * (1 + this.rKappa[i]!);
      weights[p]! += this.rWeight[i]!;
    }
    const spread = new Float64Array(P);
    for (let p = 0; p < P; p++) spread[p] = weights[p]! > 0 ? Math.sqrt(squares[p]! / weights[p]!) : Number.NaN;
    return {
      severity,
      severityStandardError,
      gain,
      gainStandardError,
      spread,
      severitySd: Math.sqrt(this.varS),
      gainSd: Math.sqrt(this.varG),
      haloSd: this.activeCards > 0 ? Math.sqrt(this.varU) : Number.NaN,
      noiseSd: Math.sqrt(this.noise),
      iterations: this.iterations,
      converged: this.converged,
      overallScore: (candidate, out) => this.overallScoreOf(candidate, out),
      groupScore: (candidate, group, out) => this.groupScoreOf(candidate, group, out),
      cellScore: (cell, out) => this.cellScoreOf(cell, out),
    };
  }
}
