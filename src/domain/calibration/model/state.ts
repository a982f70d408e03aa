// The calibration model's state: the ratings laid out for the fit (sorted by candidate, each candidate's
// cells and scorecards numbered contiguously), the parameters, the variance components with their priors
// and bounds, and the working arrays every step reuses. The layers that extend it add the fit's steps
// (see fit.ts); they declare no fields of their own, so all state starts here.

import type { IndexedRatings } from "../ratings";
import { IntervalMoments } from "./latent";
import { prefix } from "./numerics";
import { SchurMatrix } from "./schur-matrix";

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
export const MAX_SD = { candidate: 1.5, cell: 1, halo: 1, severity: 1, gain: 0.5, key: 1, noise: 1.5 };

/**
 * A fit with at least this many ratings runs each pass over its candidates in CHUNKS pieces, each adding into
 * its own accumulator, summed in order afterwards; the pieces are taken in turn by the fit's thread and, when
 * one is offered (offerPassThreads), a second thread. Which thread ran which piece does not change a bit of
 * the result. Smaller fits run in one piece: two threads would gain too little.
 */
export const SPLIT_MIN_RATINGS = 20_000;
/** Pieces per split pass: enough that the two threads finish close together, few enough to sum cheaply. */
export const CHUNKS = 16;
/** The passes over the candidates (see Model.runPass in fit.ts). */
export const PASS_PREPARE = 0;
export const PASS_GRADIENT = 1;
export const PASS_APPLY = 2;
export const PASS_BACK = 3;
export const PASS_ELIMINATE = 4;
export const PASS_SCORES = 5;
/** Above this many interviewer and key parameters the posterior covariance is estimated, not inverted. */
export const DENSE_COVARIANCE_LIMIT = 400;
/** The number of variance components (see readVariances). */
export const VARIANCES = 7;
/** How many numbers the partner's copy of the model reads before each pass (see writeScalars). */
export const SCALARS = 1 + VARIANCES;

/** The other thread's side of a split fit (see offerPassThreads). */
export interface PassPartner {
  /** Starts taking pieces of pass `kind` there and returns at once. */
  start(kind: number): void;
  /** Waits until it has taken its last piece; throws what it threw. */
  finish(): void;
  /** The fit is over: its state can go. */
  release(): void;
}

/**
 * What a PassPartner throws when its thread failed or stopped answering: the fit is then run again on one
 * thread (fit.ts), and the thread must not be offered again.
 */
export class PassThreadError extends Error {
  override name = "PassThreadError";
}

/** Hands a large fit's state (its own enumerable fields) to another thread; null when none can take it. */
export interface PassThreads {
  attach(state: Record<string, unknown>): PassPartner | null;
}

let passThreads: PassThreads | null = null;

/**
 * Offers another thread to large fits (src/server/calibration/threads.ts starts one in the processes that
 * fit cohorts). Without it, a large fit runs every piece of each pass itself, to the same numbers.
 */
export function offerPassThreads(threads: PassThreads | null): void {
  passThreads = threads;
}

/** The threads offered by offerPassThreads. */
export function offeredThreads(): PassThreads | null {
  return passThreads;
}

/**
 * Per-thread scratch of the passes: each thread has its own copy (everything else a split fit's passes read
 * or write lives in shared memory, see shareArrays).
 */
const THREAD_SCRATCH = new Set([
  "moments",
  "elimY",
  "slotSums",
  "slotList",
  "localVector",
  "localSolution",
  "cellT",
  "localM0",
  "localM1",
  "cellFactor",
  "elimX",
  "elimS",
  "elimColumn",
  "elimValue",
  "cellProjection",
  "cellQuadratic",
  "scoreCovariance",
  "scoreGlobal",
  "cellGlobal",
  "scoreWeights",
  "scoreSums",
]);

export abstract class ModelState {
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
  /** Each rating's group (data.groupIds), −1 without one. */
  readonly rGroup: Int32Array;
  readonly rWeight: Float64Array;
  readonly rLow: Float64Array;
  readonly rHigh: Float64Array;
  readonly cellKey: Int32Array;
  readonly cellOfData: Int32Array; // data cell → fit cell or −1
  readonly cardRatingStart: Int32Array;
  readonly cardPrecisionFixed: Uint8Array;
  // Each candidate's interviewers, numbered locally (slot j of candidate c is panel position slotPos[slotStart[c] + j]),
  // each rating's slot, and each cell's ratings (cellRatings[cellRatingStart[g] ..]).
  readonly slotStart: Int32Array;
  readonly slotPos: Int32Array;
  readonly rSlot: Int32Array;
  readonly cellRatingStart: Int32Array;
  readonly cellRatings: Int32Array;
  /** 1 when no interviewer rated one of the candidate's cells twice (as on real scorecards): see diagonalShare. */
  readonly uniqueSlots: Uint8Array;
  readonly activeCards: number;
  /** Σ of the ratings' weights. */
  readonly weightTotal: number;
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
  /** 1 / dDiag, kept by the factorisation (the local solves multiply by it). */
  readonly dInverse: Float64Array;
  readonly bBlock: Float64Array;
  readonly tFactor: Float64Array;
  readonly tInverse: Float64Array;
  // Block diagonal of the Schur complement (2×2 per interviewer, 1×1 per key), used as preconditioner.
  readonly schurDiag: Float64Array; // per position: [ss, sg, gg]; keys: [bb]
  /** Each interviewer's severity variance from its own 2 × 2 block, for the noise update. */
  protected readonly severityVariance: Float64Array;
  /** Posterior variance of each candidate level, cell deviation and scorecard effect (for the variance solves). */
  protected readonly pevA: Float64Array;
  protected readonly pevD: Float64Array;
  protected readonly pevU: Float64Array;
  /** Scratch of the interviewer and key variance solves: modes and posterior variances per global (or candidate). */
  protected readonly modes: Float64Array;
  protected readonly pevs: Float64Array;
  iterations = 0;
  protected readonly moments = new Float64Array(2);
  protected readonly intervals = new IntervalMoments();
  protected readonly history: Float64Array[] = [];
  /** The noise after each update since the last extrapolation (variance-components.ts, extrapolateNoise). */
  protected readonly noiseHistory: number[] = [];
  protected lastStep = Number.POSITIVE_INFINITY;
  converged = false;
  covariance: Float64Array | null = null; // dense nG × nG when small
  covarianceDiag: Float64Array; // per global (approximate when large)

  // Scratch local vectors for the Schur products.
  protected readonly la: Float64Array;
  protected readonly ld: Float64Array;
  protected readonly lu: Float64Array;
  protected readonly ya: Float64Array;
  protected readonly yd: Float64Array;
  protected readonly yu: Float64Array;
  // The Newton step's gradient (local parts), kept for its back-substitution.
  protected readonly gradA: Float64Array;
  protected readonly gradD: Float64Array;
  protected readonly gradU: Float64Array;

  // Split passes (see SPLIT_MIN_RATINGS): each piece's first candidate (empty when not split), each piece's
  // accumulator (CHUNKS × chunkStride) and number, the next piece to take, the pass's input vector, and the
  // numbers the partner's thread reads before a pass; and that thread, while a fit runs.
  readonly chunkStart: Int32Array;
  protected readonly chunkStride: number;
  protected readonly chunkTargets: Float64Array;
  protected readonly chunkResults: Float64Array;
  protected readonly chunkCursor: Int32Array;
  protected readonly sharedInput: Float64Array;
  protected readonly scalars: Float64Array;
  protected partner: PassPartner | null = null;

  // The explicit interviewer-and-key system, and the working arrays of one candidate's elimination
  // (schur-system.ts), sized for the largest candidate: with c columns (2 per interviewer, 1 per cell),
  // X (cells × c) the cell rows of A_LG, Y (e × c) its other rows minus Bᵀ D⁻¹ X, then L⁻¹ Y, and the
  // candidate's c × c part of S.
  readonly schur: SchurMatrix;
  protected readonly elimX: Float64Array;
  protected readonly elimY: Float64Array;
  protected readonly elimS: Float64Array;
  protected readonly elimColumn: Int32Array;
  protected readonly elimValue: Float64Array;
  /** Per interviewer slot of one candidate: two sums, and a slot list. */
  protected readonly slotSums: Float64Array;
  protected readonly slotList: Int32Array;
  /** Scratch of the local solves: a right-hand side and a solution on the local E-vector (a, cards). */
  protected readonly localVector: Float64Array;
  protected readonly localSolution: Float64Array;
  /**
   * One candidate's t per cell, and its Bᵀ D⁻¹ B and Bᵀ D⁻¹ diag(t) B (e × e, lower triangles), left by
   * lineariseAndFactor for diagonalShare.
   */
  protected readonly cellT: Float64Array;
  protected readonly localM0: Float64Array;
  protected readonly localM1: Float64Array;
  /** A cell's row of D⁻¹ B (eliminateCandidate). */
  protected readonly cellFactor: Float64Array;

  // Working arrays of the per-candidate score covariance.
  protected cellProjection = new Float64Array(0);
  protected cellQuadratic = new Float64Array(0);
  /** The scored candidate's block of C (its diagonal with an estimated C) and each column's global (prepareScores). */
  protected scoreCovariance = new Float64Array(0);
  protected scoreGlobal = new Int32Array(0);
  /** The scored candidate's cells' q_gᵀ C q_g (candidateScores). */
  protected cellGlobal = new Float64Array(0);
  protected scoreWeights = new Float64Array(0);
  // Every candidate's u_g (cells × e) and q_g (cells × columns), kept from the elimination that assembles S
  // (standard-errors.ts): from scoreUStart[fc] and scoreQStart[fc].
  protected readonly scoreU: Float64Array;
  protected readonly scoreQ: Float64Array;
  protected readonly scoreUStart: Int32Array;
  protected readonly scoreQStart: Int32Array;
  /**
   * A split fit's elimination (PASS_ELIMINATE) keeps each candidate's part of S here, from elimStart[fc]:
   * all of it (columns²) when S is assembled whole, else its interviewer block ((2 slots)²); empty otherwise.
   */
  protected readonly elimStore: Float64Array;
  protected readonly elimStart: Int32Array;
  protected scoreUOffset = 0;
  protected scoreQOffset = 0;
  /** A split fit's dense covariance, where the second thread can read it (empty otherwise). */
  protected readonly covarianceStore: Float64Array;
  protected scoreSums = new Float64Array(0);
  protected scoreLocalSize = 0;
  protected scoreColumns = 0;
  /**
   * The calibrated scores (value, standard error; standard-errors.ts, candidateScores): per candidate overall,
   * per candidate and group (the candidate's groups from groupSlotStart[fc], groupSlotGroup their group
   * numbers, in order of first rating), per cell.
   */
  protected readonly candidateScore: Float64Array;
  protected readonly groupScore: Float64Array;
  protected readonly cellScore: Float64Array;
  protected readonly groupSlotStart: Int32Array;
  protected readonly groupSlotGroup: Int32Array;

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
    const split = this.ratings >= SPLIT_MIN_RATINGS;
    // A split fit's arrays live in shared memory (see shareArrays), allocated there from the start.
    const F64 = (n: number) => (split ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n));
    const I32 = (n: number) => (split ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n));
    this.chunkStart = I32(split ? CHUNKS + 1 : 0);
    if (split) {
      // The first half of the pieces hold three times as many ratings as the second: the pieces are taken in
      // order, so the last ones, which decide how long one thread waits for the other, are short.
      let fc = 0;
      let units = 0;
      for (let chunk = 0; chunk <= CHUNKS; chunk++) {
        while (fc < this.candidates && 2 * CHUNKS * this.ratingStart[fc]! < units * this.ratings) fc++;
        this.chunkStart[chunk] = chunk === CHUNKS ? this.candidates : fc;
        units += chunk < CHUNKS / 2 ? 3 : 1;
      }
    }
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
    this.rCell = I32(n);
    this.rCard = I32(n);
    this.rPos = I32(n);
    this.rKey = I32(n);
    this.rGroup = I32(n);
    this.rWeight = F64(n);
    this.rLow = F64(n);
    this.rHigh = F64(n);
    // Each candidate's ratings grouped by scorecard (the cards of a candidate are numbered contiguously, so
    // the cards' ranges tile the candidate's): card q's ratings are cardRatingStart[q] .. cardRatingStart[q + 1].
    const cardRatings = new Int32Array(this.cardStart[this.candidates]!);
    // The loops over the ratings here are functions of their own: run once per fit, a long loop inside the
    // constructor is compiled on-stack and deoptimised after it (see starting-values.ts).
    this.cardRatingStart = placeRatings(data, fitCandidate, cardOfData, cellOfData, position, cardRatings, this);
    this.weightTotal = sum(this.rWeight);
    this.cardPrecisionFixed = new Uint8Array(cardRatings.length);
    let active = 0;
    for (let q = 0; q < cardRatings.length; q++) {
      if (cardRatings[q]! < 2) this.cardPrecisionFixed[q] = 1;
      else active++;
    }
    this.activeCards = active;

    // Interviewer slots per candidate and ratings per cell.
    const slotOfPosition = new Int32Array(panelSize).fill(-1);
    const slots: number[] = [];
    const slotStart = new Int32Array(this.candidates + 1);
    this.rSlot = I32(n);
    numberSlots(this.ratingStart, this.rPos, slotOfPosition, slots, slotStart, this.rSlot);
    this.slotStart = slotStart;
    this.slotPos = Int32Array.from(slots);
    const cellRatingCount = new Int32Array(cellKey.length);
    this.cellRatings = I32(n);
    this.cellRatingStart = groupByCell(this.rCell, cellRatingCount, this.cellRatings);
    this.schur = new SchurMatrix(panelSize, this.keys, slotStart, this.slotPos);
    let maxColumnsE = 1;
    let maxCells = 1;
    let maxE = 1;
    let maxCellRatings = 1;
    let maxSlots = 1;
    for (let fc = 0; fc < this.candidates; fc++) {
      const cells = this.cellStart[fc + 1]! - this.cellStart[fc]!;
      const e = 1 + this.cardStart[fc + 1]! - this.cardStart[fc]!;
      maxColumnsE = Math.max(maxColumnsE, 2 * (slotStart[fc + 1]! - slotStart[fc]!) + cells);
      maxCells = Math.max(maxCells, cells);
      maxSlots = Math.max(maxSlots, slotStart[fc + 1]! - slotStart[fc]!);
      maxE = Math.max(maxE, e);
    }
    for (let g = 0; g < cellKey.length; g++) maxCellRatings = Math.max(maxCellRatings, cellRatingCount[g]!);
    this.uniqueSlots = markUniqueSlots(this.cellStart, this.cellRatingStart, this.cellRatings, this.rSlot, maxSlots);
    this.elimX = new Float64Array(maxCells * maxColumnsE);
    this.elimY = new Float64Array(maxE * maxColumnsE);
    this.elimS = new Float64Array(maxColumnsE * maxColumnsE);
    this.elimColumn = new Int32Array(2 * maxCellRatings + 1);
    this.elimValue = new Float64Array(2 * maxCellRatings + 1);
    this.slotSums = new Float64Array(2 * maxSlots);
    this.slotList = new Int32Array(maxSlots);
    this.localVector = new Float64Array(maxE);
    this.localSolution = new Float64Array(maxE);
    this.cellT = new Float64Array(maxCells);
    this.localM0 = new Float64Array(maxE * maxE);
    this.localM1 = new Float64Array(maxE * maxE);
    this.cellFactor = new Float64Array(maxE);

    this.a = F64(this.candidates);
    this.d = F64(cellKey.length);
    this.u = F64(cardRatings.length);
    this.x = F64(this.globals);
    this.rT = F64(n);
    this.rEta = F64(n);
    this.rGainOf = F64(n);
    this.rW = F64(n);
    this.rGrad = F64(n);
    this.rKappa = F64(n);
    this.dDiag = F64(cellKey.length);
    this.dInverse = F64(cellKey.length);
    this.bBlock = F64(this.blockStart[this.candidates]!);
    this.tFactor = F64(this.factorStart[this.candidates]!);
    this.tInverse = F64(this.factorStart[this.candidates]!);
    this.schurDiag = F64(3 * panelSize + this.keys);
    this.severityVariance = F64(panelSize);
    this.pevA = F64(this.candidates);
    this.pevD = F64(cellKey.length);
    this.pevU = F64(cardRatings.length);
    this.modes = F64(Math.max(this.globals, this.candidates));
    this.pevs = F64(this.globals);
    this.covarianceDiag = F64(this.globals);
    this.la = F64(this.candidates);
    this.ld = F64(cellKey.length);
    this.lu = F64(cardRatings.length);
    this.ya = F64(this.candidates);
    this.yd = F64(cellKey.length);
    this.yu = F64(cardRatings.length);
    this.gradA = F64(this.candidates);
    this.gradD = F64(cellKey.length);
    this.gradU = F64(cardRatings.length);
    // Room for every candidate's score factors (see standard-errors.ts), and for a split fit's elimination.
    const dense = this.globals <= DENSE_COVARIANCE_LIMIT;
    this.scoreUStart = I32(this.candidates + 1);
    this.scoreQStart = I32(this.candidates + 1);
    this.elimStart = I32(split ? this.candidates + 1 : 0);
    for (let fc = 0; fc < this.candidates; fc++) {
      const cells = this.cellStart[fc + 1]! - this.cellStart[fc]!;
      const e = 1 + this.cardStart[fc + 1]! - this.cardStart[fc]!;
      const m = slotStart[fc + 1]! - slotStart[fc]!;
      const c = 2 * m + cells;
      this.scoreUStart[fc + 1] = this.scoreUStart[fc]! + cells * e;
      this.scoreQStart[fc + 1] = this.scoreQStart[fc]! + cells * c;
      if (split) this.elimStart[fc + 1] = this.elimStart[fc]! + (dense ? c * c : 4 * m * m);
    }
    this.scoreU = F64(this.scoreUStart[this.candidates]!);
    this.scoreQ = F64(this.scoreQStart[this.candidates]!);
    this.groupSlotStart = I32(this.candidates + 1);
    const groupSlots = candidateGroups(this.ratingStart, this.rGroup, data.groupIds.length, this.groupSlotStart);
    this.groupSlotGroup = I32(groupSlots.length);
    this.groupSlotGroup.set(groupSlots);
    this.candidateScore = F64(2 * this.candidates);
    this.groupScore = F64(2 * this.groupSlotGroup.length);
    this.cellScore = F64(2 * cellKey.length);
    this.covarianceStore = F64(split && dense ? this.globals * this.globals : 0);
    this.elimStore = F64(split ? this.elimStart[this.candidates]! : 0);
    this.chunkStride = Math.max(this.globals, this.schurDiag.length);
    this.chunkTargets = F64(split ? CHUNKS * this.chunkStride : 0);
    this.chunkResults = F64(split ? CHUNKS : 0);
    this.chunkCursor = I32(1);
    this.sharedInput = F64(this.globals);
    this.scalars = F64(SCALARS);
    if (split) shareArrays(this as unknown as Record<string, unknown>);
  }

  /**
   * Runs pass `kind` over every candidate: target (an accumulator, or null) and input (a globals vector, or
   * null) as runPass takes them; returns its number (a sum, or for PASS_BACK a maximum). A split fit runs it
   * in pieces (see SPLIT_MIN_RATINGS), with the partner's thread when there is one.
   */
  protected pass(kind: number, target: Float64Array | null, input: Float64Array | null): number {
    if (this.chunkStart.length === 0) return this.runPass(kind, 0, this.candidates, target, input);
    if (input) this.sharedInput.set(input);
    Atomics.store(this.chunkCursor, 0, 0);
    const partner = this.partner;
    if (partner) {
      this.writeScalars();
      partner.start(kind);
    }
    this.runChunks(kind);
    partner?.finish();
    const { chunkTargets, chunkResults, chunkStride } = this;
    let result = 0;
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      result = kind === PASS_BACK ? Math.max(result, chunkResults[chunk]!) : result + chunkResults[chunk]!;
      if (!target) continue;
      const o = chunk * chunkStride;
      for (let k = 0; k < target.length; k++) target[k]! += chunkTargets[o + k]!;
    }
    return result;
  }

  /** Takes pieces of pass `kind` until none is left (the partner's thread runs this too). */
  protected runChunks(kind: number): void {
    const size =
      kind === PASS_PREPARE ? this.schurDiag.length : kind === PASS_GRADIENT || kind === PASS_APPLY ? this.globals : 0;
    for (;;) {
      const chunk = Atomics.add(this.chunkCursor, 0, 1);
      if (chunk >= CHUNKS) return;
      const o = chunk * this.chunkStride;
      const target = size > 0 ? this.chunkTargets.subarray(o, o + size) : null;
      target?.fill(0);
      this.chunkResults[chunk] = this.runPass(
        kind,
        this.chunkStart[chunk]!,
        this.chunkStart[chunk + 1]!,
        target,
        this.sharedInput,
      );
    }
  }

  /**
   * Pass `kind` over candidates lo .. hi − 1 (fit.ts): PASS_PREPARE adds to target (schurDiag's layout),
   * PASS_GRADIENT and PASS_APPLY to target (a globals vector; APPLY multiplies input; GRADIENT returns the
   * ratings' expected squared residuals, see VarianceComponents.localSums), PASS_BACK applies the globals' step
   * input and returns the largest change.
   */
  protected abstract runPass(
    kind: number,
    lo: number,
    hi: number,
    target: Float64Array | null,
    input: Float64Array | null,
  ): number;

  /** The variance components in a fixed order (a, d, u, s, g, β, noise) into out from `at`; returns out. */
  protected readVariances(out: Float64Array, at = 0): Float64Array {
    out[at] = this.varA;
    out[at + 1] = this.varD;
    out[at + 2] = this.varU;
    out[at + 3] = this.varS;
    out[at + 4] = this.varG;
    out[at + 5] = this.varB;
    out[at + 6] = this.noise;
    return out;
  }

  /** The numbers a pass reads besides the arrays, for the partner's copy (readScalars): μ, then the variances. */
  protected writeScalars(): void {
    this.scalars[0] = this.mu;
    this.readVariances(this.scalars, 1);
  }

  /** writeScalars's numbers back, in readVariances's order (on the partner's copy). */
  protected readScalars(): void {
    const s = this.scalars;
    this.mu = s[0]!;
    this.varA = s[1]!;
    this.varD = s[2]!;
    this.varU = s[3]!;
    this.varS = s[4]!;
    this.varG = s[5]!;
    this.varB = s[6]!;
    this.noise = s[7]!;
  }

  /** The fields another thread needs to run passes on this fit (shared arrays stay shared; scratch is copied). */
  protected transferable(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this)) {
      if (
        name === "schur" ||
        name === "intervals" ||
        name === "partner" ||
        name === "history" ||
        name === "noiseHistory"
      )
        continue;
      fields[name] = value;
    }
    return fields;
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

/**
 * Moves the model's typed arrays, all but THREAD_SCRATCH, into shared memory, so the thread that runs the
 * second half of each pass reads and writes the same arrays.
 */
function shareArrays(model: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(model)) {
    if (THREAD_SCRATCH.has(name) || !ArrayBuffer.isView(value) || value instanceof DataView) continue;
    const array = value as Float64Array | Int32Array | Uint8Array;
    if (array.buffer instanceof SharedArrayBuffer) continue;
    const Kind = array.constructor as new (buffer: SharedArrayBuffer) => typeof array;
    const shared = new Kind(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    model[name] = shared;
  }
}

/**
 * The panel's ratings in fit order (by candidate, then card) into `out`, each card's count into cardRatings;
 * returns where each card's ratings start.
 */
function placeRatings(
  data: IndexedRatings,
  fitCandidate: Int32Array,
  cardOfData: Int32Array,
  cellOfData: Int32Array,
  position: Int32Array,
  cardRatings: Int32Array,
  out: Pick<ModelState, "rCell" | "rCard" | "rPos" | "rKey" | "rGroup" | "rWeight" | "rLow" | "rHigh">,
): Int32Array {
  const { rCell, rCard, rPos, rKey, rGroup, rWeight, rLow, rHigh } = out;
  const { candidate, scorecard, cell, interviewer, key, groupOf, weight, value } = data;
  // Within each card, ratings of 2 and 3 first, then 1s, then 4s: the hot loops branch on the kind of
  // interval, and in runs the branches are predicted.
  const cards = cardRatings.length;
  const kinds = new Int32Array(3 * cards);
  for (let r = 0; r < data.count; r++) {
    if (fitCandidate[candidate[r]!]! < 0) continue;
    const v = value[r]!;
    kinds[3 * cardOfData[scorecard[r]!]! + (v <= 1 ? 1 : v >= 4 ? 2 : 0)]!++;
  }
  for (let q = 0; q < cards; q++) cardRatings[q] = kinds[3 * q]! + kinds[3 * q + 1]! + kinds[3 * q + 2]!;
  const cardRatingStart = prefix(cardRatings);
  for (let q = 0; q < cards; q++) {
    const start = cardRatingStart[q]!;
    const middle = kinds[3 * q]!;
    const ones = kinds[3 * q + 1]!;
    kinds[3 * q] = start;
    kinds[3 * q + 1] = start + middle;
    kinds[3 * q + 2] = start + middle + ones;
  }
  for (let r = 0; r < data.count; r++) {
    const fc = fitCandidate[candidate[r]!]!;
    if (fc < 0) continue;
    const v = value[r]!;
    const i = kinds[3 * cardOfData[scorecard[r]!]! + (v <= 1 ? 1 : v >= 4 ? 2 : 0)]!++;
    rCell[i] = cellOfData[cell[r]!]!;
    rCard[i] = cardOfData[scorecard[r]!]!;
    rPos[i] = position[interviewer[r]!]!;
    rKey[i] = key[r]!;
    rGroup[i] = groupOf[r]!;
    rWeight[i] = weight[r]!;
    rLow[i] = v <= 1 ? -Infinity : v - 0.5;
    rHigh[i] = v >= 4 ? Infinity : v + 0.5;
  }
  return cardRatingStart;
}

/**
 * Each candidate's groups, in order of first rating (returned, candidate after candidate), and where each
 * candidate's start in groupSlotStart.
 */
function candidateGroups(
  ratingStart: Int32Array,
  rGroup: Int32Array,
  groups: number,
  groupSlotStart: Int32Array,
): number[] {
  const seen = new Int32Array(groups).fill(-1);
  const slots: number[] = [];
  const candidates = ratingStart.length - 1;
  for (let fc = 0; fc < candidates; fc++) {
    for (let i = ratingStart[fc]!; i < ratingStart[fc + 1]!; i++) {
      const group = rGroup[i]!;
      if (group < 0 || seen[group] === fc) continue;
      seen[group] = fc;
      slots.push(group);
    }
    groupSlotStart[fc + 1] = slots.length;
  }
  return slots;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * Each candidate's interviewers numbered locally (slots, in order of first rating), each rating's slot, and
 * slotStart (slotOfPosition: all −1, left so).
 */
function numberSlots(
  ratingStart: Int32Array,
  rPos: Int32Array,
  slotOfPosition: Int32Array,
  slots: number[],
  slotStart: Int32Array,
  rSlot: Int32Array,
): void {
  for (let fc = 0; fc + 1 < ratingStart.length; fc++) {
    const first = slots.length;
    for (let i = ratingStart[fc]!; i < ratingStart[fc + 1]!; i++) {
      const p = rPos[i]!;
      if (slotOfPosition[p]! < 0) {
        slotOfPosition[p] = slots.length - first;
        slots.push(p);
      }
      rSlot[i] = slotOfPosition[p]!;
    }
    for (let m = first; m < slots.length; m++) slotOfPosition[slots[m]!] = -1;
    slotStart[fc + 1] = slots.length;
  }
}

/** Per candidate, 1 when each of its cells has at most one rating per interviewer slot. */
function markUniqueSlots(
  cellStart: Int32Array,
  cellRatingStart: Int32Array,
  cellRatings: Int32Array,
  rSlot: Int32Array,
  maxSlots: number,
): Uint8Array {
  const candidates = cellStart.length - 1;
  const unique = new Uint8Array(candidates).fill(1);
  // The cell that last used each slot: a cell meeting its own number there has that slot twice.
  const lastCell = new Int32Array(maxSlots).fill(-1);
  for (let fc = 0; fc < candidates; fc++) {
    for (let g = cellStart[fc]!; g < cellStart[fc + 1]!; g++) {
      for (let r = cellRatingStart[g]!; r < cellRatingStart[g + 1]!; r++) {
        const slot = rSlot[cellRatings[r]!]!;
        if (lastCell[slot] === g) unique[fc] = 0;
        lastCell[slot] = g;
      }
    }
  }
  return unique;
}

/** Each cell's ratings (cellRatings from the returned starts), counting them into `count`. */
function groupByCell(rCell: Int32Array, count: Int32Array, cellRatings: Int32Array): Int32Array {
  for (let i = 0; i < rCell.length; i++) count[rCell[i]!]!++;
  const start = prefix(count);
  const cursor = start.slice(0, count.length);
  for (let i = 0; i < rCell.length; i++) cellRatings[cursor[rCell[i]!]!++] = i;
  return start;
}
