// The calibration model's state: the ratings laid out for the fit (sorted by candidate, each candidate's
// cells and scorecards numbered contiguously), the parameters, the variance components with their priors
// and bounds, and the working arrays every step reuses. The layers that extend it add the fit's steps
// (see fit.ts); they declare no fields of their own, so all state starts here.

import type { IndexedRatings } from "../ratings";
import { prefix } from "./numerics";

export interface FitSettings {
  maxIterations: number;
  tolerance: number;
  gains: boolean;
}

export const MIDDLE = 2.5;
/** A scorecard with one rating cannot show a halo apart from noise: its effect is held at 0 by this precision. */
const FIXED_PRECISION = 1e8;
export const MIN_SD = 0.01;
/**
 * The candidate level's prior variance is this multiple of the estimated spread of candidates: wide, so a
 * candidate is hardly pulled toward the cohort mean (which would bias the severities of interviewers who
 * mostly meet strong or weak candidates), yet finite, so a candidate rated 4 by everyone stays finite.
 */
export const CANDIDATE_PRIOR_SCALE = 4;
export const MIN_NOISE_SD = 0.05;
/**
 * Largest SDs the variance components may take, in rating points: far above anything a 1–4 rubric
 * produces, they only keep a tiny cohort (a handful of ratings, where the components are not identified)
 * from drifting off to meaningless values.
 */
const MAX_SD = { candidate: 1.5, cell: 1, halo: 1, severity: 1, gain: 0.5, key: 1, noise: 1.5 };

export class ModelState {
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
  protected readonly moments = new Float64Array(2);
  protected readonly history: number[][] = [];
  protected lastStep = 1;
  converged = false;
  covariance: Float64Array | null = null; // dense nG × nG when small
  covarianceDiag: Float64Array; // per global (approximate when large)

  // Scratch local vectors for the Schur products.
  protected la = new Float64Array(0);
  protected ld = new Float64Array(0);
  protected lu = new Float64Array(0);
  protected ya = new Float64Array(0);
  protected yd = new Float64Array(0);
  protected yu = new Float64Array(0);

  // Column pool for one candidate at a time: column m is columnVector[m·L .. (m + 1)·L), L = columnLength.
  // Sized in the constructor for the largest candidate, so callers may hold on to the arrays.
  protected readonly columnVector: Float64Array;
  protected readonly columnSolved: Float64Array;
  protected readonly slotGlobal: Int32Array;
  protected readonly slotOf: Int32Array;
  protected columnLength = 0;

  // Working arrays of the per-candidate score covariance.
  protected cellProjection = new Float64Array(0);
  protected omega = new Float64Array(0);
  protected cachedCandidate = -1;
  protected cachedCovariance = new Float64Array(0);

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
      cardRatings[this.rCard[i]]!++;
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
  }

  protected prior(index: number): number {
    const P = this.panelSize;
    if (index < P) return 1 / this.varS;
    if (index < 2 * P) return this.settings.gains ? 1 / this.varG : FIXED_PRECISION;
    return 1 / this.varB;
  }

  protected cardPrior(q: number): number {
    return this.cardPrecisionFixed[q] === 1 ? FIXED_PRECISION : 1 / this.varU;
  }

  protected clampVariances(): void {
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
}
