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
// components are re-estimated between steps from the posterior variances (MacKay/Schall updates for the
// τs, EM for τ_a and σ). Standard errors come from the posterior precision at the optimum: the exact
// inverse of the interviewer-and-key system when it is small, a block + Neumann approximation when large.

import { findPanel, type IndexedRatings } from "./calibration-index";
import { truncatedMoments } from "./calibration-latent";

export interface FitSettings {
  maxIterations: number;
  tolerance: number;
  gains: boolean;
}

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
   * Calibrated value and standard error of the weighted mean of a candidate's cells: `cells` are data cell
   * indices (all of the candidate's), `weights` their weights in the same order (0 leaves a cell out).
   */
  scoreCells(candidate: number, cells: Int32Array, weights: Float64Array): { value: number; standardError: number };
}

const MIDDLE = 2.5;
/** A scorecard with one rating cannot show a halo apart from noise: its effect is held at 0 by this precision. */
const FIXED_PRECISION = 1e8;
const MIN_SD = 0.01;
/**
 * The candidate level's prior variance is this multiple of the estimated spread of candidates: wide, so a
 * candidate is hardly pulled toward the cohort mean (which would bias the severities of interviewers who
 * mostly meet strong or weak candidates), yet finite, so a candidate rated 4 by everyone stays finite.
 */
const CANDIDATE_PRIOR_SCALE = 4;
const MIN_NOISE_SD = 0.05;
/** Above this many interviewer and key parameters the posterior covariance is estimated, not inverted. */
const DENSE_COVARIANCE_LIMIT = 400;
const CG_TOLERANCE = 1e-8;
/** The variance components have converged when no SD moves by more than this between iterations. */
const HYPER_TOLERANCE = 1e-3;
/** Longest jump of the variance extrapolation, in multiples of the last change. */
const MAX_EXTRAPOLATION = 10;
/**
 * Largest SDs the variance components may take, in rating points: far above anything a 1–4 rubric
 * produces, they only keep a tiny cohort (a handful of ratings, where the components are not identified)
 * from drifting off to meaningless values.
 */
const MAX_SD = { candidate: 1.5, cell: 1, halo: 1, severity: 1, gain: 0.5, key: 1, noise: 1.5 };

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
      scoreCells: () => ({ value: Number.NaN, standardError: Number.NaN }),
    };
  }
  const model = new Model(data, panel.position, panel.size, panel.candidateInPanel, settings);
  model.run();
  return { ...base, ...model.report() };
}

// ---------------------------------------------------------------------------------------------------

class Model {
  // Layout: ratings sorted by candidate; each candidate's cells and scorecards numbered contiguously.
  readonly candidates: number;
  readonly ratings: number;
  readonly candidateOf: Int32Array; // fit candidate → data candidate
  readonly fitCandidate: Int32Array; // data candidate → fit candidate or −1
  readonly ratingStart: Int32Array;
  readonly cellStart: Int32Array;
  readonly cardStart: Int32Array;
  readonly blockStart: Int32Array; // offsets of B (cells × (1 + cards)) per candidate
  readonly factorStart: Int32Array; // offsets of T ((1 + cards)²) per candidate
  readonly rCell: Int32Array;
  readonly rCard: Int32Array;
  readonly rPos: Int32Array;
  readonly rKey: Int32Array;
  readonly rWeight: Float64Array;
  readonly rLow: Float64Array;
  readonly rHigh: Float64Array;
  readonly rData: Int32Array; // data rating index
  readonly cellKey: Int32Array;
  readonly cellOfData: Int32Array; // data cell → fit cell or −1
  readonly cardPrecisionFixed: Uint8Array;
  readonly activeCards: number;
  readonly panelSize: number;
  readonly keys: number;
  readonly globals: number;
  readonly settings: FitSettings;

  // Parameters.
  readonly a: Float64Array;
  readonly d: Float64Array;
  readonly u: Float64Array;
  readonly x: Float64Array; // globals: s (P) | γ (P) | β (K)
  mu = 0;
  // Variance components.
  varA = 0.36;
  varD = 0.0025;
  varU = 0.0025;
  varS = 0.09;
  varG = 0.0025;
  varB = 0.04;
  noise = 0.36;

  // Per-rating working quantities of the current linearisation.
  readonly rT: Float64Array;
  readonly rEta: Float64Array;
  readonly rGainOf: Float64Array;
  readonly rW: Float64Array;
  readonly rGrad: Float64Array;
  readonly rKappa: Float64Array;
  // Per-candidate elimination: D per cell, B per candidate block, T (Cholesky factor) per candidate.
  readonly dDiag: Float64Array;
  readonly bBlock: Float64Array;
  readonly tFactor: Float64Array;
  readonly tInverse: Float64Array;
  // Block diagonal of the Schur complement (2×2 per interviewer, 1×1 per key), used as preconditioner.
  readonly schurDiag: Float64Array; // per position: [ss, sg, gg]; keys: [bb]
  iterations = 0;
  private readonly moments = new Float64Array(2);
  private readonly history: number[][] = [];
  private lastStep = 1;
  converged = false;
  covariance: Float64Array | null = null; // dense nG × nG when small
  covarianceDiag: Float64Array; // per global (approximate when large)

  constructor(
    data: IndexedRatings,
    position: Int32Array,
    panelSize: number,
    inPanel: Uint8Array,
    settings: FitSettings,
  ) {
    this.settings = settings;
    this.panelSize = panelSize;
    this.keys = data.keyIds.length;
    this.globals = 2 * panelSize + this.keys;
    const candidateList: number[] = [];
    const fitCandidate = new Int32Array(data.candidateIds.length).fill(-1);
    for (let c = 0; c < data.candidateIds.length; c++) {
      if (inPanel[c] === 1) {
        fitCandidate[c] = candidateList.length;
        candidateList.push(c);
      }
    }
    this.candidates = candidateList.length;
    this.candidateOf = Int32Array.from(candidateList);
    this.fitCandidate = fitCandidate;

    // Count ratings, cells and cards per fit candidate.
    const ratingCount = new Int32Array(this.candidates);
    for (let r = 0; r < data.count; r++) {
      const fc = fitCandidate[data.candidate[r]!]!;
      if (fc >= 0) ratingCount[fc]!++;
    }
    this.ratingStart = prefix(ratingCount);
    this.ratings = this.ratingStart[this.candidates]!;
    const cellCount = new Int32Array(this.candidates);
    const cellOfData = new Int32Array(data.cellCandidate.length).fill(-1);
    for (let g = 0; g < data.cellCandidate.length; g++) {
      const fc = fitCandidate[data.cellCandidate[g]!]!;
      if (fc >= 0) cellCount[fc]!++;
    }
    this.cellStart = prefix(cellCount);
    const cellCursor = this.cellStart.slice(0, this.candidates);
    const cellKey = new Int32Array(this.cellStart[this.candidates]!);
    for (let g = 0; g < data.cellCandidate.length; g++) {
      const fc = fitCandidate[data.cellCandidate[g]!]!;
      if (fc < 0) continue;
      const fitCell = cellCursor[fc]!++;
      cellOfData[g] = fitCell;
      cellKey[fitCell] = data.cellKey[g]!;
    }
    this.cellOfData = cellOfData;
    this.cellKey = cellKey;
    const cardCount = new Int32Array(this.candidates);
    const cardOfData = new Int32Array(data.scorecardCandidate.length).fill(-1);
    for (let q = 0; q < data.scorecardCandidate.length; q++) {
      const fc = fitCandidate[data.scorecardCandidate[q]!]!;
      if (fc >= 0) cardCount[fc]!++;
    }
    this.cardStart = prefix(cardCount);
    const cardCursor = this.cardStart.slice(0, this.candidates);
    for (let q = 0; q < data.scorecardCandidate.length; q++) {
      const fc = fitCandidate[data.scorecardCandidate[q]!]!;
      if (fc >= 0) cardOfData[q] = cardCursor[fc]!++;
    }
    const blockSizes = new Int32Array(this.candidates);
    const factorSizes = new Int32Array(this.candidates);
    for (let fc = 0; fc < this.candidates; fc++) {
      const e = 1 + cardCount[fc]!;
      blockSizes[fc] = cellCount[fc]! * e;
      factorSizes[fc] = e * e;
    }
    this.blockStart = prefix(blockSizes);
    this.factorStart = prefix(factorSizes);

    const n = this.ratings;
    this.rCell = new Int32Array(n);
    this.rCard = new Int32Array(n);
    this.rPos = new Int32Array(n);
    this.rKey = new Int32Array(n);
    this.rWeight = new Float64Array(n);
    this.rLow = new Float64Array(n);
    this.rHigh = new Float64Array(n);
    this.rData = new Int32Array(n);
    const cursor = this.ratingStart.slice(0, this.candidates);
    const cardRatings = new Int32Array(this.cardStart[this.candidates]!);
    for (let r = 0; r < data.count; r++) {
      const fc = fitCandidate[data.candidate[r]!]!;
      if (fc < 0) continue;
      const i = cursor[fc]!++;
      const v = data.value[r]!;
      this.rCell[i] = cellOfData[data.cell[r]!]!;
      this.rCard[i] = cardOfData[data.scorecard[r]!]!;
      this.rPos[i] = position[data.interviewer[r]!]!;
      this.rKey[i] = data.key[r]!;
      this.rWeight[i] = data.weight[r]!;
      this.rLow[i] = v <= 1 ? -Infinity : v - 0.5;
      this.rHigh[i] = v >= 4 ? Infinity : v + 0.5;
      this.rData[i] = r;
      cardRatings[this.rCard[i]!]!++;
    }
    this.cardPrecisionFixed = new Uint8Array(cardRatings.length);
    let active = 0;
    for (let q = 0; q < cardRatings.length; q++) {
      if (cardRatings[q]! < 2) this.cardPrecisionFixed[q] = 1;
      else active++;
    }
    this.activeCards = active;

    this.a = new Float64Array(this.candidates);
    this.d = new Float64Array(cellKey.length);
    this.u = new Float64Array(cardRatings.length);
    this.x = new Float64Array(this.globals);
    this.rT = new Float64Array(n);
    this.rEta = new Float64Array(n);
    this.rGainOf = new Float64Array(n);
    this.rW = new Float64Array(n);
    this.rGrad = new Float64Array(n);
    this.rKappa = new Float64Array(n);
    this.dDiag = new Float64Array(cellKey.length);
    this.bBlock = new Float64Array(this.blockStart[this.candidates]!);
    this.tFactor = new Float64Array(this.factorStart[this.candidates]!);
    this.tInverse = new Float64Array(this.factorStart[this.candidates]!);
    this.schurDiag = new Float64Array(3 * panelSize + this.keys);
    this.covarianceDiag = new Float64Array(this.globals);
    let poolSize = 0;
    let maxColumns = 0;
    for (let fc = 0; fc < this.candidates; fc++) {
      const cells = cellCount[fc]!;
      const cards = cardCount[fc]!;
      maxColumns = Math.max(maxColumns, 2 * cards + cells);
      poolSize = Math.max(poolSize, (2 * cards + cells) * (1 + cells + cards));
    }
    this.columnVector = new Float64Array(poolSize);
    this.columnSolved = new Float64Array(poolSize);
    this.slotGlobal = new Int32Array(maxColumns);
    this.slotOf = new Int32Array(this.globals).fill(-1);
    this.initialise();
  }

  /**
   * Starting values from the raw ratings, so the iterations only refine: a_c = candidate mean − 2.5, and
   * moment estimates of the noise and the halo from residuals around the cell means. A rating's residual
   * varies around its scorecard's mean residual by noise only; the scorecard's mean residual, net of its
   * interviewer's average, varies by halo plus the noise of a mean.
   */
  private initialise(): void {
    let grand = 0;
    let total = 0;
    for (let fc = 0; fc < this.candidates; fc++) {
      let sum = 0;
      let weight = 0;
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        sum += this.rWeight[i]! * midpoint(this.rLow[i]!, this.rHigh[i]!);
        weight += this.rWeight[i]!;
      }
      this.a[fc] = sum / weight - MIDDLE;
      grand += sum;
      total += weight;
    }
    this.mu = grand / total - MIDDLE;
    let spread = 0;
    for (let fc = 0; fc < this.candidates; fc++) spread += (this.a[fc]! - this.mu) ** 2;
    this.varA = Math.max(0.05, spread / Math.max(1, this.candidates));

    const n = this.ratings;
    const cellSum = new Float64Array(this.d.length);
    const cellCount = new Float64Array(this.d.length);
    for (let i = 0; i < n; i++) {
      cellSum[this.rCell[i]!]! += midpoint(this.rLow[i]!, this.rHigh[i]!);
      cellCount[this.rCell[i]!]!++;
    }
    const residual = new Float64Array(n);
    const cardSum = new Float64Array(this.u.length);
    const cardCount = new Float64Array(this.u.length);
    for (let i = 0; i < n; i++) {
      const g = this.rCell[i]!;
      if (cellCount[g]! < 2) continue;
      residual[i] = midpoint(this.rLow[i]!, this.rHigh[i]!) - cellSum[g]! / cellCount[g]!;
      cardSum[this.rCard[i]!]! += residual[i]!;
      cardCount[this.rCard[i]!]!++;
    }
    let within = 0;
    let withinFreedom = 0;
    for (let i = 0; i < n; i++) {
      const g = this.rCell[i]!;
      const q = this.rCard[i]!;
      if (cellCount[g]! < 2 || cardCount[q]! < 2) continue;
      within += (residual[i]! - cardSum[q]! / cardCount[q]!) ** 2;
      // Each residual lost 1 / n_g of its variance to the cell mean, and each card 1 of its ratings to its own mean.
      withinFreedom += (1 - 1 / cellCount[g]!) * (1 - 1 / cardCount[q]!);
    }
    // Rounding to whole points adds about 1/12 to the variance of the recorded ratings.
    const observedNoise = withinFreedom > 0 ? within / withinFreedom : 0.36;
    this.noise = Math.max(MIN_NOISE_SD ** 2, observedNoise - 1 / 12);
    // Halo: card mean residuals ē_q ≈ s_j − (mean s of the candidate's panel) + u_q − ū_c + noise. A few
    // additive sweeps estimate the severities, and what is left of ē_q is halo plus the noise of a mean.
    const P = this.panelSize;
    const cardInterviewer = new Int32Array(this.u.length).fill(-1);
    const cardCandidate = new Int32Array(this.u.length);
    for (let fc = 0; fc < this.candidates; fc++) {
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        cardInterviewer[this.rCard[i]!] = this.rPos[i]!;
        cardCandidate[this.rCard[i]!] = fc;
      }
    }
    const severity = new Float64Array(P);
    const panelMean = new Float64Array(this.candidates);
    const panelCount = new Float64Array(this.candidates);
    const sums = new Float64Array(P);
    const counts = new Float64Array(P);
    for (let sweep = 0; sweep < 4; sweep++) {
      panelMean.fill(0);
      panelCount.fill(0);
      for (let q = 0; q < this.u.length; q++) {
        if (cardCount[q]! < 1) continue;
        panelMean[cardCandidate[q]!]! += severity[cardInterviewer[q]!]!;
        panelCount[cardCandidate[q]!]!++;
      }
      sums.fill(0);
      counts.fill(0);
      for (let q = 0; q < this.u.length; q++) {
        if (cardCount[q]! < 1) continue;
        const fc = cardCandidate[q]!;
        sums[cardInterviewer[q]!]! += cardSum[q]! / cardCount[q]! + panelMean[fc]! / panelCount[fc]!;
        counts[cardInterviewer[q]!]!++;
      }
      for (let p = 0; p < P; p++) severity[p] = counts[p]! > 0 ? sums[p]! / counts[p]! : 0;
    }
    let between = 0;
    let betweenCount = 0;
    let noiseShare = 0;
    for (let q = 0; q < this.u.length; q++) {
      const fc = cardCandidate[q]!;
      const p = cardInterviewer[q]!;
      if (cardCount[q]! < 2 || counts[p]! < 2 || panelCount[fc]! < 2) continue;
      const deviation = cardSum[q]! / cardCount[q]! - (severity[p]! - panelMean[fc]! / panelCount[fc]!);
      // The card's own deviation is shared with its candidate's panel mean and its interviewer's average.
      const kept = (1 - 1 / panelCount[fc]!) * (1 - 1 / counts[p]!);
      between += (deviation * deviation) / kept;
      noiseShare += observedNoise / cardCount[q]!;
      betweenCount++;
    }
    if (this.activeCards > 0 && betweenCount > 0)
      this.varU = Math.max(0.05 ** 2, (between - noiseShare) / betweenCount);
    this.clampVariances();
    // The same sweeps give starting severities (centred) and severity-corrected candidate levels, which
    // spares the first Newton steps most of their distance.
    let meanSeverity = 0;
    for (let p = 0; p < P; p++) meanSeverity += severity[p]! / P;
    for (let p = 0; p < P; p++) this.x[p] = severity[p]! - meanSeverity;
    for (let fc = 0; fc < this.candidates; fc++) {
      if (panelCount[fc]! > 0) this.a[fc]! -= panelMean[fc]! / panelCount[fc]! - meanSeverity;
    }
  }

  private prior(index: number): number {
    const P = this.panelSize;
    if (index < P) return 1 / this.varS;
    if (index < 2 * P) return this.settings.gains ? 1 / this.varG : FIXED_PRECISION;
    return 1 / this.varB;
  }

  private cardPrior(q: number): number {
    return this.cardPrecisionFixed[q] === 1 ? FIXED_PRECISION : 1 / this.varU;
  }

  run(): void {
    const { maxIterations, tolerance } = this.settings;
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      this.iterations = iteration;
      this.linearise();
      this.factorLocal();
      this.assembleSchurDiagonal();
      const step = this.newtonStep();
      const hyperChange = this.updateVariances();
      if (iteration % 3 === 0) this.extrapolateVariances();
      if (step < tolerance && hyperChange < HYPER_TOLERANCE) {
        this.converged = true;
        break;
      }
    }
    // Standard errors at the final estimates.
    this.linearise();
    this.factorLocal();
    this.assembleSchurDiagonal();
    this.estimateCovariance();
  }

  /** Latent predictions, Newton weights and gradients of the censored log-likelihood at the current values. */
  private linearise(): void {
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
    const moments = this.moments;
    for (let fc = 0; fc < this.candidates; fc++) {
      const level = a[fc]!;
      for (let i = ratingStart[fc]!, end = ratingStart[fc + 1]!; i < end; i++) {
        const p = rPos[i]!;
        const t = level + x[2 * P + rKey[i]!]! + d[rCell[i]!]!;
        const gain = 1 + x[P + p]!;
        const eta = MIDDLE + gain * t + x[p]! + u[rCard[i]!]!;
        truncatedMoments((rLow[i]! - eta) / sigma, (rHigh[i]! - eta) / sigma, moments);
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
  private factorLocal(): void {
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
        T[t0]! += wgg;
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
      invertFromCholesky(T, this.tInverse, t0, e);
    }
  }

  /**
   * Solves the candidate's local system H_c y = rhs, with rhs and y laid out as (a, cells, cards) in the
   * global local arrays (la per candidate, ld per cell, lu per card).
   */
  private solveLocal(
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
    const z = scratch(e);
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

  // Scratch local vectors for the Schur products.
  private la = new Float64Array(0);
  private ld = new Float64Array(0);
  private lu = new Float64Array(0);
  private ya = new Float64Array(0);
  private yd = new Float64Array(0);
  private yu = new Float64Array(0);

  private ensureScratch(): void {
    if (this.la.length === this.candidates && this.ld.length === this.d.length) return;
    this.la = new Float64Array(this.candidates);
    this.ld = new Float64Array(this.d.length);
    this.lu = new Float64Array(this.u.length);
    this.ya = new Float64Array(this.candidates);
    this.yd = new Float64Array(this.d.length);
    this.yu = new Float64Array(this.u.length);
  }

  /** out = S v = (A_GG − A_GL H⁻¹ A_LG) v, the interviewer-and-key system with candidates eliminated. */
  private applySchur(v: Float64Array, out: Float64Array): void {
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
  private project(v: Float64Array): void {
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
  private assembleSchurDiagonal(): void {
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

  // Column pool for one candidate at a time: column m is columnVector[m·L .. (m + 1)·L), L = columnLength.
  // Sized in the constructor for the largest candidate, so callers may hold on to the arrays.
  private readonly columnVector: Float64Array;
  private readonly columnSolved: Float64Array;
  private readonly slotGlobal: Int32Array;
  private readonly slotOf: Int32Array;
  private columnLength = 0;

  /**
   * The local columns of A_LG (dense local vectors a | cells | cards) for every global the candidate fc
   * touches, and H_c⁻¹ times each. Returns their number; slotGlobal[m] names column m's global and
   * slotOf[global] its column (the caller resets slotOf to −1 afterwards).
   */
  private candidateColumns(fc: number, includeKeys = true): number {
    const P = this.panelSize;
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const cards = this.cardStart[fc + 1]! - card0;
    const length = 1 + cells + cards;
    const maxColumns = 2 * cards + cells;
    this.columnLength = length;
    const { columnVector, slotGlobal, slotOf, rPos, rW, rGainOf, rT, rCell, rCard, rKey } = this;
    columnVector.fill(0, 0, maxColumns * length);
    let count = 0;
    const slot = (global: number): number => {
      let m = slotOf[global]!;
      if (m < 0) {
        m = count++;
        slotOf[global] = m;
        slotGlobal[m] = global;
      }
      return m * length;
    };
    for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
      const p = rPos[i]!;
      const W = rW[i]!;
      const gain = rGainOf[i]!;
      const g = 1 + rCell[i]! - cell0;
      const q = 1 + cells + rCard[i]! - card0;
      let o = slot(p);
      columnVector[o]! += W * gain;
      columnVector[o + g]! += W * gain;
      columnVector[o + q]! += W;
      if (this.settings.gains) {
        const f = W * rT[i]!;
        o = slot(P + p);
        columnVector[o]! += f * gain;
        columnVector[o + g]! += f * gain;
        columnVector[o + q]! += f;
      }
      if (includeKeys) {
        const f = W * gain;
        o = slot(2 * P + rKey[i]!);
        columnVector[o]! += f * gain;
        columnVector[o + g]! += f * gain;
        columnVector[o + q]! += f;
      }
    }
    for (let m = 0; m < count; m++) this.solveLocalDense(fc, columnVector, this.columnSolved, m * length);
    return count;
  }

  /** H_c⁻¹ v for one candidate with v laid out densely as (a, cells, cards) from offset o (same in out). */
  private solveLocalDense(fc: number, v: Float64Array, out: Float64Array, o = 0): void {
    const cell0 = this.cellStart[fc]!;
    const cells = this.cellStart[fc + 1]! - cell0;
    const card0 = this.cardStart[fc]!;
    const e = 1 + this.cardStart[fc + 1]! - card0;
    const b0 = this.blockStart[fc]!;
    const B = this.bBlock;
    const dDiag = this.dDiag;
    const z = scratch(e);
    z[0] = v[o]!;
    for (let q = 1; q < e; q++) z[q] = v[o + cells + q]!;
    for (let g = 0; g < cells; g++) {
      const scaled = v[o + 1 + g]! / dDiag[cell0 + g]!;
      if (scaled === 0) continue;
      const row = b0 + g * e;
      for (let m = 0; m < e; m++) z[m]! -= B[row + m]! * scaled;
    }
    choleskySolve(this.tFactor, this.factorStart[fc]!, e, z);
    out[o] = z[0]!;
    for (let q = 1; q < e; q++) out[o + cells + q] = z[q]!;
    for (let g = 0; g < cells; g++) {
      const row = b0 + g * e;
      let s = 0;
      for (let m = 0; m < e; m++) s += B[row + m]! * z[m]!;
      out[o + 1 + g] = (v[o + 1 + g]! - s) / dDiag[cell0 + g]!;
    }
  }

  /** One penalised Newton step on all parameters; returns the largest change (rating points). */
  private newtonStep(): number {
    this.ensureScratch();
    const P = this.panelSize;
    const n = this.globals;
    // Gradient of the log posterior: local parts in (ra, rd, ru), global part in bG.
    const ra = new Float64Array(this.candidates);
    const rd = new Float64Array(this.d.length);
    const ru = new Float64Array(this.u.length);
    const bG = new Float64Array(n);
    for (let fc = 0; fc < this.candidates; fc++) {
      ra[fc] = -(this.a[fc]! - this.mu) / (CANDIDATE_PRIOR_SCALE * this.varA);
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        const grad = this.rGrad[i]!;
        const gain = this.rGainOf[i]!;
        const p = this.rPos[i]!;
        ra[fc]! += gain * grad;
        rd[this.rCell[i]!]! += gain * grad;
        ru[this.rCard[i]!]! += grad;
        bG[p]! += grad;
        bG[P + p]! += this.rT[i]! * grad;
        bG[2 * P + this.rKey[i]!]! += gain * grad;
      }
    }
    for (let g = 0; g < this.d.length; g++) rd[g]! -= this.d[g]! / this.varD;
    for (let q = 0; q < this.u.length; q++) ru[q]! -= this.u[q]! * this.cardPrior(q);
    for (let k = 0; k < n; k++) bG[k]! -= this.prior(k) * this.x[k]!;

    // Schur right-hand side: bG − A_GL H⁻¹ b_L.
    const ya = new Float64Array(this.candidates);
    const yd = new Float64Array(this.d.length);
    const yu = new Float64Array(this.u.length);
    for (let fc = 0; fc < this.candidates; fc++) this.solveLocal(fc, ra, rd, ru, ya, yd, yu);
    const rhs = bG.slice();
    this.subtractGlobalFromLocal(ya, yd, yu, rhs);
    this.project(rhs);
    const delta = new Float64Array(n);
    // Inexact Newton: far from the optimum a rough step is as good as an exact one.
    this.conjugateGradients(rhs, delta, Math.min(1e-3, Math.max(CG_TOLERANCE, 0.01 * this.lastStep)));

    // Back-substitute: Δ_L = H⁻¹ (b_L − A_LG Δ_G).
    this.addLocalFromGlobal(delta, ra, rd, ru, -1);
    for (let fc = 0; fc < this.candidates; fc++) this.solveLocal(fc, ra, rd, ru, ya, yd, yu);
    let largest = 0;
    for (let k = 0; k < n; k++) {
      this.x[k]! += delta[k]!;
      largest = Math.max(largest, Math.abs(delta[k]!));
    }
    for (let fc = 0; fc < this.candidates; fc++) {
      this.a[fc]! += ya[fc]!;
      largest = Math.max(largest, Math.abs(ya[fc]!));
    }
    for (let g = 0; g < this.d.length; g++) {
      this.d[g]! += yd[g]!;
      largest = Math.max(largest, Math.abs(yd[g]!));
    }
    for (let q = 0; q < this.u.length; q++) {
      this.u[q]! += yu[q]!;
      largest = Math.max(largest, Math.abs(yu[q]!));
    }
    this.lastStep = largest;
    return largest;
  }

  /** out_G −= A_GL y. */
  private subtractGlobalFromLocal(ya: Float64Array, yd: Float64Array, yu: Float64Array, out: Float64Array): void {
    const P = this.panelSize;
    for (let fc = 0; fc < this.candidates; fc++) {
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        const gain = this.rGainOf[i]!;
        const f = this.rW[i]! * (gain * (ya[fc]! + yd[this.rCell[i]!]!) + yu[this.rCard[i]!]!);
        const p = this.rPos[i]!;
        out[p]! -= f;
        out[P + p]! -= this.rT[i]! * f;
        out[2 * P + this.rKey[i]!]! -= gain * f;
      }
    }
  }

  /** (ra, rd, ru) += sign · A_LG v. */
  private addLocalFromGlobal(
    v: Float64Array,
    ra: Float64Array,
    rd: Float64Array,
    ru: Float64Array,
    sign: number,
  ): void {
    const P = this.panelSize;
    for (let fc = 0; fc < this.candidates; fc++) {
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        const p = this.rPos[i]!;
        const gain = this.rGainOf[i]!;
        const e = sign * this.rW[i]! * (v[p]! + this.rT[i]! * v[P + p]! + gain * v[2 * P + this.rKey[i]!]!);
        ra[fc]! += gain * e;
        rd[this.rCell[i]!]! += gain * e;
        ru[this.rCard[i]!]! += e;
      }
    }
  }

  /** Block-Jacobi preconditioner from the exact 2×2 / 1×1 diagonal blocks of S. */
  private precondition(r: Float64Array, z: Float64Array): void {
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
  private conjugateGradients(rhs: Float64Array, x: Float64Array, relativeTolerance = CG_TOLERANCE): number {
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

  /**
   * Σ w E[(latent − η)²] over one candidate's ratings, averaging σ² (1 + κ(η)) over the posterior of η,
   * N(η̂, V), by three-point Gauss–Hermite quadrature. Plugging in η̂ alone would ignore the parameters'
   * uncertainty and, with few ratings per parameter, misstate σ (the incidental-parameters problem).
   */
  private expectedSquaredResiduals(fc: number): number {
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
      schurDiag: D,
      moments,
    } = this;
    const sigma2 = this.noise;
    const sigma = Math.sqrt(sigma2);
    // Per cell: m_g = T⁻¹ b_g and c_g = b_gᵀ T⁻¹ b_g, so that each rating's local Var(η) is O(1):
    // x = gain (e_a + e_g) + e_q gives Var = g²/D_g + g² c_g/D_g² − 2 (g/D_g)(g m_g[a] + m_g[q]) + x_Eᵀ T⁻¹ x_E.
    if (this.cellProjection.length < cells * e) this.cellProjection = new Float64Array(2 * cells * e);
    const projection = this.cellProjection;
    const quadraticOf = scratch(cells + 1);
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
      // Interviewer part: the severity's own posterior variance (its 2 × 2 block, severity entry).
      const p = rPos[i]!;
      variance += this.settings.gains
        ? D[3 * p + 2]! / (D[3 * p]! * D[3 * p + 2]! - D[3 * p + 1]! ** 2)
        : 1 / D[3 * p]!;
      // Three-point Gauss–Hermite: nodes η̂ and η̂ ± √(3V), weights 2/3 and 1/6.
      const eta = rEta[i]!;
      const step = Math.sqrt(3 * Math.max(0, variance));
      let expected = (2 / 3) * (1 + rKappa[i]!);
      truncatedMoments((rLow[i]! - eta + step) / sigma, (rHigh[i]! - eta + step) / sigma, moments);
      expected += (1 + moments[1]!) / 6;
      truncatedMoments((rLow[i]! - eta - step) / sigma, (rHigh[i]! - eta - step) / sigma, moments);
      expected += (1 + moments[1]!) / 6;
      sum += rWeight[i]! * sigma2 * expected;
    }
    return sum;
  }

  /**
   * Re-estimates the variance components from the current modes and their posterior variances; returns the
   * largest relative change of a standard deviation.
   */
  private updateVariances(): number {
    const P = this.panelSize;
    const before = [this.varA, this.varD, this.varU, this.varS, this.varG, this.varB, this.noise];
    // μ: the mean candidate level, with a N(2.5, 1) prior on the latent scale, negligible for a real cohort
    // but keeping a cohort of nothing but 4s (or 1s) from drifting off the scale.
    let sumA = 0;
    for (let fc = 0; fc < this.candidates; fc++) sumA += this.a[fc]!;
    this.mu = sumA / (this.candidates + CANDIDATE_PRIOR_SCALE * this.varA);

    // Local posterior variances: a and cards from T⁻¹, cells from D⁻¹ + D⁻¹ B T⁻¹ Bᵀ D⁻¹.
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
      const b0 = this.blockStart[fc]!;
      const t0 = this.factorStart[fc]!;
      const Ti = this.tInverse;
      sqA += (this.a[fc]! - this.mu) ** 2;
      pevA += Ti[t0]!;
      for (let q = 1; q < e; q++) {
        if (this.cardPrecisionFixed[card0 + q - 1] === 1) continue;
        sqU += this.u[card0 + q - 1]! ** 2;
        pevU += Ti[t0 + q * e + q]!;
      }
      for (let g = 0; g < cells; g++) {
        const dg = this.dDiag[cell0 + g]!;
        const row = b0 + g * e;
        sqD += this.d[cell0 + g]! ** 2;
        pevD += 1 / dg + quadratic(Ti, t0, e, this.bBlock, row) / (dg * dg);
      }
      noiseSum += this.expectedSquaredResiduals(fc);
    }
    for (let i = 0; i < this.ratings; i++) weightSum += this.rWeight[i]!;
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

    const after = [this.varA, this.varD, this.varU, this.varS, this.varG, this.varB, this.noise];
    this.history.push(after.map(Math.log));
    if (this.history.length > 3) this.history.shift();
    let change = 0;
    after.forEach((value, k) => (change = Math.max(change, Math.abs(Math.sqrt(value) - Math.sqrt(before[k]!)))));
    return change;
  }

  /**
   * The variance updates converge linearly, slowly where the data say little (a component near 0). Every
   * third iteration, each log-variance whose last two changes shrink geometrically (ratio r) jumps to the
   * limit of that geometric series, x + Δ r / (1 − r) (Aitken's Δ² method), at most MAX_EXTRAPOLATION Δ.
   */
  private extrapolateVariances(): void {
    if (this.history.length < 3) return;
    const [first, second, third] = this.history as [number[], number[], number[]];
    const next = third.map((value, k) => {
      const previous = second[k]! - first[k]!;
      const last = value - second[k]!;
      const ratio = last / previous;
      if (!(ratio > 0 && ratio < 1) || Math.abs(last) < 1e-9) return value;
      return value + last * Math.min(ratio / (1 - ratio), MAX_EXTRAPOLATION);
    });
    const floor = 2 * Math.log(MIN_SD);
    const [varA, varD, varU, varS, varG, varB, noise] = next.map((value) => Math.exp(Math.max(floor, value))) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    this.varA = varA;
    this.varD = varD;
    if (this.activeCards > 0) this.varU = varU;
    this.varS = varS;
    if (this.settings.gains) this.varG = varG;
    this.varB = varB;
    this.noise = noise;
    this.clampVariances();
    this.history.length = 0;
  }

  private clampVariances(): void {
    const clamp = (variance: number, maxSd: number, minSd = MIN_SD): number =>
      Math.min(maxSd * maxSd, Math.max(minSd * minSd, variance));
    this.varA = clamp(this.varA, MAX_SD.candidate);
    this.varD = clamp(this.varD, MAX_SD.cell);
    this.varU = clamp(this.varU, MAX_SD.halo);
    this.varS = clamp(this.varS, MAX_SD.severity);
    this.varG = clamp(this.varG, MAX_SD.gain);
    this.varB = clamp(this.varB, MAX_SD.key);
    this.noise = clamp(this.noise, MAX_SD.noise, MIN_NOISE_SD);
  }

  /** Posterior covariance of the interviewer and key parameters: dense when small, estimated when large. */
  private estimateCovariance(): void {
    if (this.globals <= DENSE_COVARIANCE_LIMIT) {
      this.covariance = this.denseCovariance();
      for (let k = 0; k < this.globals; k++) this.covarianceDiag[k] = this.covariance[k * this.globals + k]!;
    } else {
      this.approximateDiagonal();
    }
  }

  /** S assembled explicitly, then its inverse restricted to the constraint subspace. */
  private denseCovariance(): Float64Array {
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
  private approximateDiagonal(): void {
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
      scoreCells: (candidate, cells, weights) => this.scoreCells(candidate, cells, weights),
    };
  }

  /** Value 2.5 + Σ ω_g t_g and its posterior SD: ω the normalised weights of the candidate's cells. */
  private scoreCells(
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

  private cellProjection = new Float64Array(0);
  private omega = new Float64Array(0);
  private cachedCandidate = -1;
  private cachedCovariance = new Float64Array(0);

  /**
   * Posterior covariance of the candidate's cell scores t_g (cells × cells), so every score of the
   * candidate (overall, groups, keys) is a quadratic form. Cell g's contrast is f_g = e_a + e_g locally and
   * e_β(k_g) globally; its variance is the local part f_gᵀ H_c⁻¹ f_h plus q_gᵀ C q_h, with
   * q_g = e_β(k_g) − A_GL H_c⁻¹ f_g the part that runs through interviewers and signal difficulties.
   * Cached for one candidate, because the report asks for a candidate's scores one after another.
   */
  private candidateCovariance(fc: number): Float64Array {
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

// ---------------------------------------------------------------------------------------------------
// Small numerical helpers.

function prefix(counts: Int32Array): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}

function midpoint(low: number, high: number): number {
  if (low === -Infinity) return high - 0.5;
  if (high === Infinity) return low + 0.5;
  return (low + high) / 2;
}

function dotAt(a: Float64Array, b: Float64Array, oa: number, ob: number, length: number): number {
  let s = 0;
  for (let i = 0; i < length; i++) s += a[oa + i]! * b[ob + i]!;
  return s;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

const scratchBuffers = new Map<number, Float64Array>();
/** A reused buffer of `size` numbers; callers finish with it before asking for another of the same size. */
function scratch(size: number): Float64Array {
  let buffer = scratchBuffers.get(size);
  if (!buffer) scratchBuffers.set(size, (buffer = new Float64Array(size)));
  return buffer;
}

/** MacKay/Schall update τ² = Σ b̂² / (n − Σ PEV / τ²), falling back to EM when the denominator is too small. */
function schall(squares: number, pev: number, current: number, count: number): number {
  if (count <= 0) return current;
  const denominator = count - pev / current;
  const next = denominator > 0.1 * count ? squares / denominator : (squares + pev) / count;
  return Math.max(MIN_SD * MIN_SD, next);
}

/** bᵀ M b for the symmetric e × e matrix M at offset m0 and the vector b at offset b0. */
function quadratic(M: Float64Array, m0: number, e: number, b: Float64Array, b0: number): number {
  let s = 0;
  for (let i = 0; i < e; i++) {
    const bi = b[b0 + i]!;
    if (bi === 0) continue;
    let row = 0;
    for (let j = 0; j < e; j++) row += M[m0 + i * e + j]! * b[b0 + j]!;
    s += bi * row;
  }
  return s;
}

/** In-place lower Cholesky factor of the symmetric positive-definite n × n matrix at offset o. */
function choleskyInPlace(A: Float64Array, o: number, n: number): void {
  for (let j = 0; j < n; j++) {
    let diag = A[o + j * n + j]!;
    for (let k = 0; k < j; k++) diag -= A[o + j * n + k]! ** 2;
    // A tiny floor instead of a failure: the priors make every block positive definite in exact arithmetic.
    const root = Math.sqrt(Math.max(diag, 1e-300));
    A[o + j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = A[o + i * n + j]!;
      for (let k = 0; k < j; k++) s -= A[o + i * n + k]! * A[o + j * n + k]!;
      A[o + i * n + j] = s / root;
    }
  }
}

/** Solves (L Lᵀ) x = b in place, L the lower factor at offset o. */
function choleskySolve(L: Float64Array, o: number, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[o + i * n + k]! * b[k]!;
    b[i] = s / L[o + i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[o + k * n + i]! * b[k]!;
    b[i] = s / L[o + i * n + i]!;
  }
}

/** out (at offset o) = (L Lᵀ)⁻¹ from the lower factor L at offset o. */
function invertFromCholesky(L: Float64Array, out: Float64Array, o: number, n: number): void {
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    column.fill(0);
    column[c] = 1;
    choleskySolve(L, o, n, column);
    for (let r = 0; r < n; r++) out[o + r * n + c] = column[r]!;
  }
}
